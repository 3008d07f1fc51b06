import type { FiguresSql } from './kit.ts';

/**
 * The cell key method (as the ABS TableBuilder and the ONS for Census 2021 use it).
 * - Every record has a fixed record key from 0 to 255: the first byte of a hash of its id
 *   and a secret that only the aggregate role can read (`figures.cell_key_secret`).
 * - A cell's key is the sum of its records' keys modulo 256; the rollup keeps it beside the
 *   count, so a quarter's or a year's key follows from its months.
 * - `figures.perturb` adds the noise that the key picks from the perturbation table: the
 *   same records always give the same answer, and one record more or less gives a new,
 *   unpredictable one.
 * Perturbation table (noise for a count c ≥ 2, by cell key):
 *   0–25 → −2, 26–76 → −1, 77–178 → 0, 179–229 → +1, 230–255 → +2 (about 10/20/40/20/10 %);
 *   for c = 1: 0–76 → −1, 77–178 → 0, 179–255 → +1; a count of 0 stays 0 (no records, no key).
 * The noise has mean 0, so sums over many cells stay unbiased, and every published value
 * can come from at least two true counts (0 from 0, 1 or 2), so no value alone is exact.
 */
export const cellKey: FiguresSql = {
  sql: `
    create or replace function figures.record_key(p_secret text, p_id uuid) returns integer
      language sql stable parallel safe
      as $$ select get_byte(decode(md5(p_secret || p_id::text), 'hex'), 0) $$;
    revoke all on function figures.record_key(text, uuid) from public;

    create or replace function figures.perturb(p_count bigint, p_key bigint) returns integer
      language sql stable parallel safe
      as $$
        select (case
          when p_count <= 0 then 0
          when p_count = 1 then 1 + case when k < 77 then -1 when k < 179 then 0 else 1 end
          else p_count + case when k < 26 then -2 when k < 77 then -1 when k < 179 then 0
                              when k < 230 then 1 else 2 end
        end)::integer
          from (select ((coalesce(p_key, 0) % 256) + 256) % 256 as k) x
      $$;
    revoke all on function figures.perturb(bigint, bigint) from public;

    -- The first month not yet published for other municipalities: the month of the last
    -- rebuild. Months before it have ended before that rebuild; nothing the public does now
    -- moves a published figure.
    create or replace function figures.unpublished_from() returns date
      language sql stable
      set search_path = public, pg_temp
      as $$ select coalesce((select date_trunc('month', r.at at time zone 'Europe/Amsterdam')::date
                               from figures.refreshed r), '0001-01-01'::date) $$;
    revoke all on function figures.unpublished_from() from public;
  `,
  appExecutes: [],
};
