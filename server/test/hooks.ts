import { releaseTestServer } from './database.ts';

export const mochaHooks = {
  async afterAll() {
    await releaseTestServer();
  },
};
