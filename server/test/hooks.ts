import { releaseTestServer } from './database.ts';

// The development provider warns about its in-memory store at every start; tests know.
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].startsWith('oidc-provider WARNING')) return;
  warn(...args);
};

export const mochaHooks = {
  async afterAll() {
    await releaseTestServer();
  },
};
