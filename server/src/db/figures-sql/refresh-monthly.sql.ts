import type { FiguresSql } from './kit.ts';

/**
 * Rebuilds the rollup: per municipality × month × measure × dimension the count and its cell
 * key (sum of the record keys modulo 256), and per municipality × month × service type the
 * net services bought, their cell key, their amount and the contract price in force at the
 * end of the month. Each municipality is read as that municipality (its own tenant
 * setting): the one place in SQL that sets the tenant, inside a function the application
 * cannot change. Histograms (`days_to_…`) have no key: they are used for medians only.
 */
export const refreshMonthly: FiguresSql = {
  // The refresh reads each municipality as that municipality: the one place in SQL that
  // sets the tenant, inside a function the application cannot change.
  // eslint-disable-next-line no-restricted-syntax
  sql: `
    create or replace function figures.refresh_monthly() returns integer
      language plpgsql security definer
      set search_path = public, pg_temp
      as $$
      #variable_conflict use_column
      declare
        m record;
        saved_municipality text := current_setting('app.municipality_id', true);
        saved_region text := current_setting('app.region_id', true);
        secret text := (select s.secret from figures.cell_key_secret s);
        total integer := 0;
        n integer;
      begin
        -- One rebuild at a time: the job and a rebuild asked for elsewhere wait for each other
        -- instead of inserting the same rows twice.
        perform pg_advisory_xact_lock(hashtext('figures.refresh_monthly'));
        delete from figures.monthly;
        delete from figures.monthly_cost;
        for m in select id, region_id from municipality loop
          perform set_config('app.municipality_id', m.id::text, true);
          perform set_config('app.region_id', m.region_id::text, true);
          insert into figures.monthly (municipality_id, month, measure, dimension, value, ckey)
          select m.id, x.month, x.measure, x.dimension, count(*)::integer,
                 (coalesce(sum(figures.record_key(secret, x.rid)), 0) % 256)::integer from (
            select date_trunc('month', w.planned_date)::date as month, 'approached' as measure, w.channel as dimension, c.id as rid
              from outreach_contact c join outreach_wave w on w.municipality_id = c.municipality_id and w.id = c.wave_id
             where c.municipality_id = m.id
            union all
            select date_trunc('month', coalesce(c.response_date, c.responded_at::date, w.planned_date))::date, 'responded', w.channel, c.id
              from outreach_contact c join outreach_wave w on w.municipality_id = c.municipality_id and w.id = c.wave_id
             where c.municipality_id = m.id and c.response in ('interested', 'not_interested', 'already_helped')
            -- Per person: the month of the first approach, and of the first response (the
            -- date it happened), so a response rate counts people, not letters.
            union all
            select date_trunc('month', min(w.planned_date))::date, 'approached_person', '', c.recipient_id
              from outreach_contact c join outreach_wave w on w.municipality_id = c.municipality_id and w.id = c.wave_id
             where c.municipality_id = m.id group by c.recipient_id
            union all
            select date_trunc('month', min(coalesce(c.response_date, c.responded_at::date, w.planned_date)))::date, 'responded_person', '', c.recipient_id
              from outreach_contact c join outreach_wave w on w.municipality_id = c.municipality_id and w.id = c.wave_id
             where c.municipality_id = m.id and c.response in ('interested', 'not_interested', 'already_helped')
             group by c.recipient_id
            union all
            select date_trunc('month', f.registered_at)::date, 'registered', f.source, f.id
              from case_file f where f.municipality_id = m.id
            union all
            select date_trunc('month', i.date)::date, 'intake', i.mode, i.id from intake i where i.municipality_id = m.id
            union all
            select date_trunc('month', a.date)::date, 'analysis', '', a.id from perspective_analysis a where a.municipality_id = m.id
            union all
            select date_trunc('month', r.start_date)::date, 'route_started', r.type, r.id from case_route r where r.municipality_id = m.id
            union all
            select date_trunc('month', c.start_date)::date, 'coaching_started', '', c.id from coaching c where c.municipality_id = m.id
            union all
            select date_trunc('month', f.closed_at)::date, 'closed', f.outcome, f.id
              from case_file f where f.municipality_id = m.id and f.status = 'closed'
            union all
            select date_trunc('month', f.closed_at)::date, 'withdrawn', '', f.id
              from case_file f where f.municipality_id = m.id and f.status = 'withdrawn'
            union all
            select date_trunc('month', r.sent_at)::date, 'referral_sent', p.kind, r.id
              from referral r join partner_organisation p on p.id = r.partner_id
             where r.municipality_id = m.id and r.sent_at is not null
            union all
            select date_trunc('month', e.at)::date, 'referral_started', p.kind, e.id
              from referral_event e
              join referral r on r.municipality_id = e.municipality_id and r.id = e.referral_id
              join partner_organisation p on p.id = r.partner_id
             where e.municipality_id = m.id and e.status = 'started'
            union all
            select date_trunc('month', r.last_change_at)::date, 'referral_not_realised', r.not_realised_reason, r.id
              from referral r where r.municipality_id = m.id and r.status = 'not_realised'
            union all
            select date_trunc('month', t.received_on)::date, 'tonk_application', t.decision, t.id
              from tonk_application t where t.municipality_id = m.id
            union all
            select date_trunc('month', b.requested_on)::date, 'bbz_request', b.kind, b.id
              from bbz_request b where b.municipality_id = m.id
            -- Referrals sent in a month, per partner organisation and per route, and how
            -- many of those have started by now (the realisation rate's two counts).
            union all
            select date_trunc('month', r.sent_at)::date, 'referral_sent_partner', p.code, r.id
              from referral r join partner_organisation p on p.id = r.partner_id
             where r.municipality_id = m.id and r.sent_at is not null
            union all
            select date_trunc('month', r.sent_at)::date, 'referral_realised_partner', p.code, r.id
              from referral r join partner_organisation p on p.id = r.partner_id
             where r.municipality_id = m.id and r.sent_at is not null
               and exists (select 1 from referral_event e where e.municipality_id = r.municipality_id
                            and e.referral_id = r.id and e.status = 'started')
            union all
            select date_trunc('month', r.sent_at)::date, 'referral_sent_route', coalesce(cr.type, 'none'), r.id
              from referral r left join case_route cr on cr.municipality_id = r.municipality_id and cr.id = r.route_id
             where r.municipality_id = m.id and r.sent_at is not null
            union all
            select date_trunc('month', r.sent_at)::date, 'referral_realised_route', coalesce(cr.type, 'none'), r.id
              from referral r left join case_route cr on cr.municipality_id = r.municipality_id and cr.id = r.route_id
             where r.municipality_id = m.id and r.sent_at is not null
               and exists (select 1 from referral_event e where e.municipality_id = r.municipality_id
                            and e.referral_id = r.id and e.status = 'started')
            -- Campaign attribution: sign-ups per channel code by month of registration, and
            -- of those the ones that have had an intake by now.
            union all
            select date_trunc('month', f.registered_at)::date, 'campaign_signup', f.campaign_code, f.id
              from case_file f where f.municipality_id = m.id and f.campaign_code is not null
            union all
            select date_trunc('month', f.registered_at)::date, 'campaign_intake', f.campaign_code, f.id
              from case_file f where f.municipality_id = m.id and f.campaign_code is not null
               and exists (select 1 from intake i where i.municipality_id = f.municipality_id and i.case_id = f.id)
            -- Days from sent to started as a histogram per month of sending.
            union all
            select date_trunc('month', r.sent_at)::date, 'days_to_referral_start', (s.started_at::date - r.sent_at::date)::text, null::uuid
              from referral r
              join (select e.referral_id, min(e.at) as started_at from referral_event e
                     where e.municipality_id = m.id and e.status = 'started' group by e.referral_id) s
                on s.referral_id = r.id
             where r.municipality_id = m.id and r.sent_at is not null
            -- Durations as histograms (days → count) per month of the intake.
            union all
            select date_trunc('month', i.date)::date, 'days_to_intake', (i.date - f.registered_at::date)::text, null::uuid
              from intake i join case_file f on f.municipality_id = i.municipality_id and f.id = i.case_id
             where i.municipality_id = m.id
            union all
            select date_trunc('month', i.date)::date, 'days_to_route', (r.first_start - i.date)::text, null::uuid
              from intake i
              join (select case_id, min(start_date) as first_start from case_route
                     where municipality_id = m.id group by case_id) r on r.case_id = i.case_id
             where i.municipality_id = m.id
          ) x group by x.month, x.measure, x.dimension;
          get diagnostics n = row_count;
          total := total + n;
          -- Costs per service type and month: net services bought (charges minus credits,
          -- priced lines only), their key (a credit takes back its charge's key), the net
          -- amount, and the contract price in force at the end of the month.
          insert into figures.monthly_cost (municipality_id, month, service_type, services, amount_cents, ckey, price_cents)
          select m.id, y.month, y.service_type, y.services, y.amount_cents, y.ckey,
                 (select c.price_cents from contract c
                   where c.municipality_id = m.id and c.service_type = y.service_type
                     and c.valid_from <= (y.month + interval '1 month' - interval '1 day')::date
                     and (c.valid_to is null or c.valid_to >= (y.month + interval '1 month' - interval '1 day')::date)
                   order by c.valid_from desc limit 1)
            from (select date_trunc('month', l.occurred_on)::date as month, l.service_type,
                         (count(*) filter (where l.amount_cents is not null and l.kind = 'charge')
                          - count(*) filter (where l.amount_cents is not null and l.kind = 'credit'))::integer as services,
                         coalesce(sum(l.amount_cents), 0)::bigint as amount_cents,
                         (((coalesce(sum(figures.record_key(secret, l.id)) filter (where l.amount_cents is not null and l.kind = 'charge'), 0)
                           - coalesce(sum(figures.record_key(secret, l.credits_line_id)) filter (where l.amount_cents is not null and l.kind = 'credit'), 0))
                           % 256 + 256) % 256)::integer as ckey
                    from cost_line l where l.municipality_id = m.id
                   group by 1, 2) y;
        end loop;
        perform set_config('app.municipality_id', coalesce(saved_municipality, ''), true);
        perform set_config('app.region_id', coalesce(saved_region, ''), true);
        insert into figures.refreshed (singleton, at) values (true, now())
          on conflict (singleton) do update set at = excluded.at;
        return total;
      end $$;
    revoke all on function figures.refresh_monthly() from public;
  `,
  appExecutes: ['figures.refresh_monthly()'],
};
