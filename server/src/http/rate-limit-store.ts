import { createHash } from 'node:crypto';
import type { Options, Store, ClientRateLimitInfo } from 'express-rate-limit';
import type pg from 'pg';

/** How often an instance clears counters whose window ended (at most). */
const SWEEP_MS = 60_000;

/**
 * An express-rate-limit store in PostgreSQL (`rate_limit`, a system table): every app
 * instance counts against the same row, so a limit holds however many replicas run. A
 * counter is one upsert; a window that has ended starts again at 1. The key is hashed:
 * the table holds no IP address.
 */
export class PostgresRateLimitStore implements Store {
  readonly localKeys = false;
  private windowMs = 60_000;
  private lastSweep = 0;

  constructor(
    private readonly pool: pg.Pool,
    /** Names the limiter, so two limiters never share a counter. */
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  private hash(key: string): string {
    return createHash('sha256').update(`${this.prefix}\0${key}`).digest('base64url');
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const { rows } = await this.pool.query<{ hits: number; reset_at: Date }>(
      'select hits, reset_at from rate_limit where key = $1 and reset_at > now()',
      [this.hash(key)],
    );
    const row = rows[0];
    return row ? { totalHits: row.hits, resetTime: row.reset_at } : undefined;
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    this.sweep();
    const { rows } = await this.pool.query<{ hits: number; reset_at: Date }>(
      `insert into rate_limit as r (key, hits, reset_at)
         values ($1, 1, now() + make_interval(secs => $2::double precision / 1000))
       on conflict (key) do update set
         hits = case when r.reset_at <= now() then 1 else r.hits + 1 end,
         reset_at = case when r.reset_at <= now() then excluded.reset_at else r.reset_at end
       returning hits, reset_at`,
      [this.hash(key), this.windowMs],
    );
    const row = rows[0]!;
    return { totalHits: row.hits, resetTime: row.reset_at };
  }

  async decrement(key: string): Promise<void> {
    await this.pool.query(
      'update rate_limit set hits = greatest(hits - 1, 0) where key = $1 and reset_at > now()',
      [this.hash(key)],
    );
  }

  async resetKey(key: string): Promise<void> {
    await this.pool.query('delete from rate_limit where key = $1', [this.hash(key)]);
  }

  /** Clears ended windows now and then; a failure only leaves rows for the next sweep. */
  private sweep(): void {
    const now = Date.now();
    if (now - this.lastSweep < SWEEP_MS) return;
    this.lastSweep = now;
    this.pool
      .query(`delete from rate_limit where reset_at < now() - interval '1 minute'`)
      .catch(() => {});
  }
}

/** Gives each limiter its own store (express-rate-limit refuses a shared one). */
export type RateLimitStores = (prefix: string) => Store;

export function postgresRateLimitStores(pool: pg.Pool): RateLimitStores {
  return (prefix) => new PostgresRateLimitStore(pool, prefix);
}
