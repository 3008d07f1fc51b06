import { currentManager, currentMunicipalityId } from '../db/unit-of-work.ts';

/** How long a create can be replayed with the same Idempotency-Key. */
export const KEY_LIFETIME_HOURS = 24;

export class IdempotencyRepository {
  /** True when this request is the first with the key; waits for a concurrent first one. */
  async claim(userId: string, key: string, requestHash: string): Promise<boolean> {
    // A retry comes within minutes; a day-old key only takes space.
    await currentManager().query(
      `delete from idempotency_key
        where municipality_id = $1 and user_id = $2 and created_at < now() - make_interval(hours => $3)`,
      [currentMunicipalityId(), userId, KEY_LIFETIME_HOURS],
    );
    const rows = await currentManager().query(
      `insert into idempotency_key (municipality_id, user_id, key, request_hash)
       values ($1, $2, $3, $4) on conflict do nothing returning key`,
      [currentMunicipalityId(), userId, key, requestHash],
    );
    return rows.length === 1;
  }

  async complete(userId: string, key: string, body: unknown): Promise<void> {
    await currentManager().query(
      `update idempotency_key set response_status = 201, response_body = $4
        where municipality_id = $1 and user_id = $2 and key = $3`,
      [currentMunicipalityId(), userId, key, JSON.stringify(body)],
    );
  }

  async find(
    userId: string,
    key: string,
  ): Promise<{ requestHash: string; responseBody: unknown } | null> {
    const rows = await currentManager().query(
      `select request_hash, response_body from idempotency_key
        where municipality_id = $1 and user_id = $2 and key = $3`,
      [currentMunicipalityId(), userId, key],
    );
    return rows[0]
      ? { requestHash: rows[0].request_hash, responseBody: rows[0].response_body }
      : null;
  }
}
