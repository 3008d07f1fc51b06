import type { Me } from '@herorientatie/domain';
import {
  useMutation,
  useQuery,
  useQueryClient,
  type QueryKey,
  type UseQueryOptions,
} from '@tanstack/react-query';
import { apiFetch, setCsrfToken, type ApiError } from './client.ts';

/**
 * The one place for reading and changing server resources: fetch, errors, CSRF and cache
 * invalidation. Pages use the hooks made here, never fetch themselves.
 */
export function createQueryHook<T, P extends unknown[] = []>(
  resource: string,
  path: (...params: P) => string,
  options: Partial<UseQueryOptions<T, ApiError>> = {},
) {
  return (...params: P) =>
    useQuery<T, ApiError>({
      // The path ends the key, so sub-resources of one object share its prefix for invalidation.
      queryKey: [resource, ...params, path(...params)] as QueryKey,
      queryFn: () => apiFetch<T>(path(...params)),
      ...options,
    });
}

export function createMutationHook<Input, Output>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string | ((input: Input) => string),
  invalidates: string[] = [],
) {
  return () => {
    const client = useQueryClient();
    return useMutation<Output, ApiError, Input>({
      mutationFn: (input) =>
        apiFetch<Output>(typeof path === 'function' ? path(input) : path, { method, body: input }),
      onSuccess: () =>
        Promise.all(
          invalidates.map((resource) => client.invalidateQueries({ queryKey: [resource] })),
        ),
    });
  };
}

/** The logged-in user, or `null` when nobody is logged in. */
export function useMe() {
  const query = useQuery<Me, ApiError>({
    queryKey: ['me'],
    queryFn: async () => {
      const me = await apiFetch<Me>('me');
      setCsrfToken(me.csrfToken);
      return me;
    },
    retry: (count, error) => error.status >= 500 && count < 2,
    staleTime: 60_000,
  });
  // After a 401 the cached user is history: the session is gone.
  const loggedOut = query.error?.status === 401;
  return { ...query, me: loggedOut ? null : (query.data ?? null), loggedOut };
}

export const useLogout = createMutationHook<void, { redirectTo: string }>('POST', '/auth/logout', [
  'me',
]);
