import { AsyncLocalStorage } from 'node:async_hooks';
import type { Role } from '@herorientatie/domain';

export interface SessionUser {
  id: string;
  subject: string;
  name: string;
  email: string | null;
  municipalityId: string;
  municipalityCode: string;
  roles: Role[];
}

export interface RequestContext {
  requestId: string;
  /** Method and route, recorded in the audit log as the purpose of an access. */
  route?: string;
  user?: SessionUser;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const requestContext = {
  run<T>(context: RequestContext, fn: () => T): T {
    return storage.run(context, fn);
  },
  get(): RequestContext | undefined {
    return storage.getStore();
  },
  /** The logged-in user; throws when there is none (fail closed). */
  user(): SessionUser {
    const user = storage.getStore()?.user;
    if (!user) throw new Error('No authenticated user in the request context');
    return user;
  },
};
