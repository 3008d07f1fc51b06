import { LogoutAnswerSchema, type Me } from '@herorientatie/domain';
import {
  useMutation,
  useQuery,
  useQueryClient,
  type QueryKey,
  type UseMutationResult,
  type UseQueryOptions,
} from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch, setCsrfToken, type ApiError } from './client.ts';
import { STALE_AFTER } from './invalidation.ts';
import { validationError } from './problems.ts';

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

/** How a change is sent and what it makes stale. */
export interface MutationSpec<In extends z.ZodType, Out extends z.ZodType, P extends object> {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: (params: P) => string;
  /** The shared schema of what is sent: it types the input and checks it before sending. */
  input: In;
  /** The shared schema of the answer; it types the result (the server already checked it). */
  output: Out;
  /** What the change makes stale: an entry of STALE_AFTER. */
  invalidates: (params: P) => readonly QueryKey[];
  /** A create: an Idempotency-Key goes along, so a retried request is stored once. */
  idempotent?: boolean;
}

/** What a mutation is called with: the path parameters and the body, in the input type. */
export type MutationVariables<In extends z.ZodType, P extends object> = P & {
  body: z.input<In>;
  /** One key per filled-in form; without one, each call gets its own. */
  idempotencyKey?: string;
};

export type SchemaMutation<
  In extends z.ZodType,
  Out extends z.ZodType,
  P extends object,
> = UseMutationResult<z.output<Out>, ApiError, MutationVariables<In, P>> & {
  /** The input schema, so a form validates with exactly what the mutation sends. */
  schema: In;
};

/**
 * A mutation hook typed by the shared schemas. The body is parsed with the input schema
 * before it leaves (what is sent is the parsed value, as the server will read it); a
 * refused body fails the same way as a refusal by the server.
 */
export function createMutation<In extends z.ZodType, Out extends z.ZodType, P extends object>(
  spec: MutationSpec<In, Out, P>,
) {
  return function useSchemaMutation(): SchemaMutation<In, Out, P> {
    const client = useQueryClient();
    const mutation = useMutation<z.output<Out>, ApiError, MutationVariables<In, P>>({
      mutationFn: ({ body, idempotencyKey, ...params }) => {
        const parsed = spec.input.safeParse(body);
        if (!parsed.success) throw validationError(parsed.error.issues);
        const headers: Record<string, string> = spec.idempotent
          ? { 'idempotency-key': idempotencyKey ?? crypto.randomUUID() }
          : {};
        return apiFetch<z.output<Out>>(spec.path(params as unknown as P), {
          method: spec.method,
          body: parsed.data,
          headers,
        });
      },
      onSuccess: (_result, variables) =>
        Promise.all(
          spec.invalidates(variables).map((queryKey) => client.invalidateQueries({ queryKey })),
        ),
    });
    return { ...mutation, schema: spec.input };
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

export const useLogout = createMutation({
  method: 'POST',
  path: () => '/auth/logout',
  input: z.undefined(),
  output: LogoutAnswerSchema,
  invalidates: STALE_AFTER.nothing,
});
