import type {
  OutreachResponse,
  ResponseChannel,
  Wave,
  WaveContact,
  WaveInput,
} from '@herorientatie/domain';
import { currentManager, currentMunicipalityId } from '../../db/unit-of-work.ts';

const q = (sql: string, params: unknown[]) => currentManager().query(sql, params);
const m = () => currentMunicipalityId();

const RESPONDED = `('interested', 'not_interested', 'already_helped')`;

/**
 * Whether recipient `r` has answered in any way: a response in any wave, a sign-up with
 * the response code, or a case for the same KvK number or BSN (signed up at the desk).
 */
const ANSWERED = (r: string) => `(
  exists (select 1 from outreach_contact a where a.municipality_id = ${r}.municipality_id and a.recipient_id = ${r}.id
             and (a.response in ${RESPONDED} or a.case_id is not null))
  or exists (select 1 from entrepreneur e join case_file f on f.municipality_id = e.municipality_id and f.entrepreneur_id = e.id
              where e.municipality_id = ${r}.municipality_id
                and (e.kvk_number = ${r}.kvk_number or e.bsn = ${r}.bsn)))`;

const WAVE = `
  select w.id, w.name, w.channel, to_char(w.planned_date, 'YYYY-MM-DD') as "plannedDate",
         w.parent_wave_id as "parentWaveId",
         count(c.id)::int as recipients,
         count(c.id) filter (where c.response in ${RESPONDED})::int as responded,
         count(c.id) filter (where c.response = 'interested')::int as interested,
         case when count(c.id) = 0 then null
              else round(100.0 * count(c.id) filter (where c.response in ${RESPONDED}) / count(c.id), 1)::float8 end
           as "responseRate",
         to_char(w.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt"
    from outreach_wave w
    left join outreach_contact c on c.municipality_id = w.municipality_id and c.wave_id = w.id`;

const CONTACT = `
  select c.id, c.recipient_id as "recipientId", r.name, r.business_name as "businessName",
         r.kvk_number as "kvkNumber", r.email, r.phone, c.response,
         to_char(c.responded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "respondedAt",
         to_char(c.response_date, 'YYYY-MM-DD') as "responseDate", c.response_channel as "responseChannel",
         c.response_code as "responseCode", c.case_id as "caseId"
    from outreach_contact c
    join outreach_recipient r on r.municipality_id = c.municipality_id and r.id = c.recipient_id`;

export interface LetterRecipient {
  contactId: string;
  name: string | null;
  businessName: string | null;
  email: string | null;
  phone: string | null;
  street: string | null;
  postcode: string | null;
  houseNumber: string | null;
  houseNumberAddition: string | null;
  town: string | null;
  responseCode: string;
  mailedAt: Date | null;
}

/** Waves of approach and the responses of their recipients (current municipality). */
export class WavesRepository {
  async list(): Promise<Wave[]> {
    return q(
      `${WAVE} where w.municipality_id = $1 group by w.municipality_id, w.id order by w.created_at desc`,
      [m()],
    );
  }

  async find(id: string): Promise<(Wave & { message: string | null }) | null> {
    const rows = await q(
      `select wave.*, w2.message from (${WAVE} where w.municipality_id = $1 and w.id = $2 group by w.municipality_id, w.id) wave
         join outreach_wave w2 on w2.municipality_id = $1 and w2.id = wave.id`,
      [m(), id],
    );
    return rows[0] ?? null;
  }

  /** Creates the wave with every recipient that meets the criteria; returns the wave id and count. */
  async create(input: WaveInput, createdBy: string, parentWaveId: string | null = null) {
    const [wave] = await q(
      `insert into outreach_wave (municipality_id, name, channel, planned_date, criteria, message, parent_wave_id, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
      [
        m(),
        input.name,
        input.channel,
        input.plannedDate,
        JSON.stringify(input.criteria),
        input.message ?? null,
        parentWaveId,
        createdBy,
      ],
    );
    return wave.id as string;
  }

  async addRecipientsByCriteria(waveId: string, criteria: WaveInput['criteria']): Promise<number> {
    // An INSERT … RETURNING answers with its rows.
    const rows: unknown[] = await q(
      `insert into outreach_contact (municipality_id, wave_id, recipient_id)
       select r.municipality_id, $2, r.id from outreach_recipient r
        where r.municipality_id = $1
          and (cardinality($3::text[]) = 0 or r.tozo_periods && $3::text[])
          and (cardinality($4::text[]) = 0 or exists (select 1 from unnest($4::text[]) p where r.sbi_code like p || '%'))
          and (not $5 or not exists (select 1 from outreach_contact c where c.municipality_id = r.municipality_id and c.recipient_id = r.id))
          and (not $6 or (exists (select 1 from outreach_contact c where c.municipality_id = r.municipality_id and c.recipient_id = r.id)
                          and not ${ANSWERED('r')}))
       returning 1`,
      [
        m(),
        waveId,
        criteria.tozoPeriods,
        criteria.sbiPrefixes,
        criteria.notYetApproached,
        criteria.noResponse,
      ],
    );
    return rows.length;
  }

  /**
   * Everyone of a wave who did not respond (no answer, unreachable, nothing recorded) and has
   * not answered in any other way either: another wave, a sign-up, a case at the desk.
   */
  async addNonResponders(waveId: string, fromWaveId: string): Promise<number> {
    const rows: unknown[] = await q(
      `insert into outreach_contact (municipality_id, wave_id, recipient_id)
       select c.municipality_id, $2, c.recipient_id from outreach_contact c
         join outreach_recipient r on r.municipality_id = c.municipality_id and r.id = c.recipient_id
        where c.municipality_id = $1 and c.wave_id = $3 and c.response in ('pending', 'no_response', 'unreachable')
          and not ${ANSWERED('r')}
       returning 1`,
      [m(), waveId, fromWaveId],
    );
    return rows.length;
  }

  contacts(waveId: string): Promise<WaveContact[]> {
    return q(
      `${CONTACT} where c.municipality_id = $1 and c.wave_id = $2 order by r.business_name, r.name, c.id`,
      [m(), waveId],
    );
  }

  async contact(waveId: string, contactId: string, lock = false): Promise<WaveContact | null> {
    const rows = await q(
      `${CONTACT} where c.municipality_id = $1 and c.wave_id = $2 and c.id = $3${lock ? ' for update of c' : ''}`,
      [m(), waveId, contactId],
    );
    return rows[0] ?? null;
  }

  /** Records a response with the day it happened (not the day it was typed in). */
  async recordResponse(
    contactId: string,
    response: OutreachResponse,
    note: string | null,
    by: string,
    on: { date: string; channel: ResponseChannel } | null,
  ) {
    await q(
      `update outreach_contact set response = $3, note = $4, recorded_by = $5,
              responded_at = case when $3 = 'pending' then null else now() end,
              response_date = case when $3 = 'pending' then null else $6::date end,
              response_channel = case when $3 = 'pending' then null else $7 end
        where municipality_id = $1 and id = $2`,
      [m(), contactId, response, note, by, on?.date ?? null, on?.channel ?? null],
    );
  }

  /** The contact a response code on a letter belongs to (current municipality). */
  async contactByCode(
    code: string,
  ): Promise<{ id: string; waveId: string; waveName: string } | null> {
    const rows = await q(
      `select c.id, c.wave_id as "waveId", w.name as "waveName" from outreach_contact c
         join outreach_wave w on w.municipality_id = c.municipality_id and w.id = c.wave_id
        where c.municipality_id = $1 and c.response_code = $2 for update of c`,
      [m(), code],
    );
    return rows[0] ?? null;
  }

  /** The latest contact of a recipient with this KvK number or BSN: a sign-up without code. */
  async latestContactOf(
    kvk: string | null,
    bsn: string | null,
  ): Promise<{ id: string; waveId: string; waveName: string } | null> {
    if (!kvk && !bsn) return null;
    const rows = await q(
      `select c.id, c.wave_id as "waveId", w.name as "waveName" from outreach_contact c
         join outreach_recipient r on r.municipality_id = c.municipality_id and r.id = c.recipient_id
         join outreach_wave w on w.municipality_id = c.municipality_id and w.id = c.wave_id
        where c.municipality_id = $1 and (r.kvk_number = $2 or r.bsn = $3)
        order by w.planned_date desc, w.created_at desc limit 1 for update of c`,
      [m(), kvk, bsn],
    );
    return rows[0] ?? null;
  }

  /** A sign-up on the website answers the wave: interested, on that day, with its case. */
  async recordSignUp(contactId: string, caseId: string, date: string) {
    await q(
      `update outreach_contact set response = 'interested', responded_at = coalesce(responded_at, now()),
              response_date = coalesce(case when response = 'interested' then response_date end, $4::date),
              response_channel = coalesce(case when response = 'interested' then response_channel end, 'website'),
              case_id = coalesce(case_id, $3)
        where municipality_id = $1 and id = $2`,
      [m(), contactId, caseId, date],
    );
  }

  async linkCase(contactId: string, caseId: string) {
    await q('update outreach_contact set case_id = $3 where municipality_id = $1 and id = $2', [
      m(),
      contactId,
      caseId,
    ]);
  }

  recipient(recipientId: string) {
    return q(
      `select kvk_number, bsn, name, business_name, email, phone, postcode, house_number, sbi_code, tozo_periods
         from outreach_recipient where municipality_id = $1 and id = $2`,
      [m(), recipientId],
    ).then((rows) => rows[0]);
  }

  letterRecipients(waveId: string): Promise<LetterRecipient[]> {
    return q(
      `select c.id as "contactId", r.name, r.business_name as "businessName", r.email, r.phone, r.street,
              r.postcode, r.house_number as "houseNumber", r.house_number_addition as "houseNumberAddition",
              r.town, c.response_code as "responseCode", c.mailed_at as "mailedAt"
         from outreach_contact c join outreach_recipient r on r.municipality_id = c.municipality_id and r.id = c.recipient_id
        where c.municipality_id = $1 and c.wave_id = $2 order by r.postcode nulls last, r.business_name, c.id`,
      [m(), waveId],
    );
  }

  async markMailed(contactIds: string[]) {
    await q(
      'update outreach_contact set mailed_at = now() where municipality_id = $1 and id = any($2)',
      [m(), contactIds],
    );
  }

  /**
   * Per channel, people rather than letters: a recipient approached by two letter waves
   * counts once, and counts as responded when they answered in any wave of that channel.
   */
  byChannel() {
    return q(
      `select channel, count(*)::int as recipients, count(*) filter (where answered)::int as responded,
              round(100.0 * count(*) filter (where answered) / count(*), 1)::float8 as "responseRate"
         from (select w.channel, c.recipient_id, bool_or(c.response in ${RESPONDED}) as answered
                 from outreach_wave w
                 join outreach_contact c on c.municipality_id = w.municipality_id and c.wave_id = w.id
                where w.municipality_id = $1 group by w.channel, c.recipient_id) people
        group by channel order by channel`,
      [m()],
    );
  }

  /** People who responded, by the month their response happened, per wave channel. */
  byResponseMonth() {
    return q(
      `select to_char(first_response, 'YYYY-MM') as month, channel, count(*)::int as responded
         from (select w.channel, c.recipient_id, min(c.response_date) as first_response
                 from outreach_wave w
                 join outreach_contact c on c.municipality_id = w.municipality_id and c.wave_id = w.id
                where w.municipality_id = $1 and c.response in ${RESPONDED} and c.response_date is not null
                group by w.channel, c.recipient_id) people
        group by 1, 2 order by 1, 2`,
      [m()],
    );
  }
}
