import { createHash } from 'node:crypto';
import { IdempotencyRepository } from './idempotency.repository.ts';
import { Conflict, ValidationFailed } from '../errors.ts';
import { currentActor } from '../db/unit-of-work.ts';

export interface IdempotentResult<T> {
  body: T;
  replayed: boolean;
}

const KEY = /^[\w.:-]{1,200}$/;

/**
 * Runs a create at most once per Idempotency-Key (per user). Call inside the unit of work:
 * the key is stored in the same transaction as the create, so a failed create leaves no
 * key behind and a concurrent retry waits for the first and then replays its response.
 */
export async function idempotent<T>(
  key: string | undefined,
  request: { method: string; path: string; body: unknown },
  create: () => Promise<T>,
  /** Runs before a replay: throws when the user may no longer do what was asked. */
  mayReplay: () => Promise<void> = async () => {},
  repository = new IdempotencyRepository(),
): Promise<IdempotentResult<T>> {
  if (key === undefined) return { body: await create(), replayed: false };
  if (!KEY.test(key)) {
    throw new ValidationFailed([
      {
        name: 'Idempotency-Key',
        code: 'invalid_format',
        reason: 'De Idempotency-Key bestaat uit 1 tot 200 letters, cijfers of .:_-',
      },
    ]);
  }
  const actor = currentActor();
  if (actor.kind !== 'user') throw new Error('Idempotency keys belong to a user');
  const userId = actor.user.id;
  const hash = createHash('sha256')
    .update(`${request.method} ${request.path}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
  if (await repository.claim(userId, key, hash)) {
    const body = await create();
    await repository.complete(userId, key, body);
    return { body, replayed: false };
  }
  const stored = await repository.find(userId, key);
  if (!stored || stored.requestHash !== hash || stored.responseBody === null) {
    throw new Conflict(
      'Deze Idempotency-Key is al gebruikt voor een ander verzoek. Gebruik een nieuwe sleutel.',
    );
  }
  await mayReplay();
  return { body: stored.responseBody as T, replayed: true };
}
