import type pg from 'pg';

/**
 * Registers `n` cases in a municipality in a month, from a source. As superuser, for
 * arranging figures: the regional view only counts, so the cases need nothing more.
 */
export async function registrations(
  admin: pg.Pool,
  code: string,
  n: number,
  month: string,
  source = 'tozo_outreach',
) {
  await admin.query(
    `with m as (select id from municipality where code = $1),
     e as (insert into entrepreneur (municipality_id, name, business_name, legal_form)
           select m.id, 'Persoon ' || g, 'Zaak ' || g, 'bv' from m, generate_series(1, $2) g
           returning municipality_id, id)
     insert into case_file (municipality_id, reference, entrepreneur_id, source, urgency, other_support, registered_at)
     select e.municipality_id, 'HO-F-' || gen_random_uuid(), e.id, $4, 'normal', 'none', ($3 || '-15')::timestamptz from e`,
    [code, n, month, source],
  );
}

/** An intake bought at a price for every case of a municipality registered in a month. */
export async function intakesBought(admin: pg.Pool, code: string, month: string, cents: number) {
  await admin.query(
    `insert into cost_line (municipality_id, case_id, service_type, provider, amount_cents, kind, event_key, occurred_on)
     select f.municipality_id, f.id, 'intake', 'Aanbieder', $3, 'charge', 'intake:' || f.id, ($2 || '-15')::date
       from case_file f join municipality m on m.id = f.municipality_id
      where m.code = $1 and to_char(f.registered_at, 'YYYY-MM') = $2`,
    [code, month, cents],
  );
}

/** Rebuilds the rollup the figures come from, as the job does every minute. */
export async function refreshFigures(admin: pg.Pool) {
  await admin.query('select figures.refresh_monthly()');
}
