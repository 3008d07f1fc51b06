import type {
  BudgetChangeInput,
  CampaignInput,
  CampaignUpdate,
  ChannelInput,
  ExpenditureInput,
  ReachInput,
} from '@herorientatie/domain';
import { currentManager, currentRegionId } from '../../db/unit-of-work.ts';

export interface CampaignRow {
  id: string;
  owner_municipality_id: string | null;
  municipality_name: string | null;
  name: string;
  description: string | null;
  period_start: string;
  period_end: string;
  target_segments: string[];
  budget_cents: number;
  spent_cents: number;
}

const q = (sql: string, params: unknown[]) => currentManager().query(sql, params);
const iso = (column: string) =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const CAMPAIGN = `
  select c.id, c.owner_municipality_id, m.name as municipality_name, c.name, c.description,
         to_char(c.period_start, 'YYYY-MM-DD') as period_start, to_char(c.period_end, 'YYYY-MM-DD') as period_end,
         c.target_segments, c.budget_cents::float8 as budget_cents,
         coalesce((select sum(e.amount_cents) from campaign_expenditure e
                    where e.region_id = c.region_id and e.campaign_id = c.id), 0)::float8 as spent_cents
    from campaign c left join municipality m on m.id = c.owner_municipality_id`;

/**
 * Campaigns of the current region (region tables). Row-level security shows the regional
 * campaign to every member and a local campaign only to its own municipality, and lets
 * only their managers write; the queries still name the region.
 */
export class CampaignsRepository {
  list(): Promise<CampaignRow[]> {
    return q(
      `${CAMPAIGN} where c.region_id = $1 order by c.owner_municipality_id nulls first, c.period_start desc`,
      [currentRegionId()],
    );
  }

  async find(id: string, lock = false): Promise<CampaignRow | null> {
    if (lock) {
      await q('select 1 from campaign where region_id = $1 and id = $2 for update', [
        currentRegionId(),
        id,
      ]);
    }
    const rows = await q(`${CAMPAIGN} where c.region_id = $1 and c.id = $2`, [
      currentRegionId(),
      id,
    ]);
    return rows[0] ?? null;
  }

  async insert(input: CampaignInput, ownerMunicipalityId: string | null): Promise<string> {
    const rows = await q(
      `insert into campaign (region_id, owner_municipality_id, name, description, period_start, period_end,
         target_segments, budget_cents)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
      [
        currentRegionId(),
        ownerMunicipalityId,
        input.name,
        input.description ?? null,
        input.periodStart,
        input.periodEnd,
        input.targetSegments,
        input.budgetCents,
      ],
    );
    return rows[0].id;
  }

  async update(id: string, input: CampaignUpdate): Promise<void> {
    await q(
      `update campaign set name = $3, description = $4, period_start = $5, period_end = $6, target_segments = $7,
              updated_at = now()
        where region_id = $1 and id = $2`,
      [
        currentRegionId(),
        id,
        input.name,
        input.description ?? null,
        input.periodStart,
        input.periodEnd,
        input.targetSegments,
      ],
    );
  }

  async changeBudget(
    campaign: CampaignRow,
    change: BudgetChangeInput,
    by: { id: string; name: string },
  ): Promise<void> {
    await q(
      `insert into campaign_budget_change (region_id, campaign_id, owner_municipality_id, old_cents, new_cents, reason,
         changed_by, changed_by_name)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        currentRegionId(),
        campaign.id,
        campaign.owner_municipality_id,
        campaign.budget_cents,
        change.budgetCents,
        change.reason,
        by.id,
        by.name,
      ],
    );
    await q(
      'update campaign set budget_cents = $3, updated_at = now() where region_id = $1 and id = $2',
      [currentRegionId(), campaign.id, change.budgetCents],
    );
  }

  /** Inserts a channel with the code, or returns null when the code is taken. */
  async insertChannel(
    campaign: CampaignRow,
    input: ChannelInput,
    code: string,
  ): Promise<string | null> {
    const rows = await q(
      `insert into campaign_channel (region_id, campaign_id, owner_municipality_id, kind, name, code, budget_cents)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict (code) do nothing returning id`,
      [
        currentRegionId(),
        campaign.id,
        campaign.owner_municipality_id,
        input.kind,
        input.name,
        code,
        input.budgetCents,
      ],
    );
    return rows[0]?.id ?? null;
  }

  channels(campaignId: string): Promise<
    {
      id: string;
      kind: string;
      name: string;
      code: string;
      budget_cents: number;
      spent_cents: number;
    }[]
  > {
    return q(
      `select ch.id, ch.kind, ch.name, ch.code, ch.budget_cents::float8 as budget_cents,
              coalesce((select sum(e.amount_cents) from campaign_expenditure e
                         where e.region_id = ch.region_id and e.channel_id = ch.id), 0)::float8 as spent_cents
         from campaign_channel ch where ch.region_id = $1 and ch.campaign_id = $2 order by ch.created_at, ch.id`,
      [currentRegionId(), campaignId],
    );
  }

  async channelBelongs(campaignId: string, channelId: string): Promise<boolean> {
    const rows = await q(
      'select 1 from campaign_channel where region_id = $1 and campaign_id = $2 and id = $3',
      [currentRegionId(), campaignId, channelId],
    );
    return rows.length > 0;
  }

  async insertExpenditure(
    campaign: CampaignRow,
    input: ExpenditureInput,
    by: { id: string; name: string },
  ): Promise<string> {
    const rows = await q(
      `insert into campaign_expenditure (region_id, campaign_id, owner_municipality_id, channel_id, amount_cents,
         spent_on, supplier, invoice_reference, description, override_reason, recorded_by, recorded_by_name)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning id`,
      [
        currentRegionId(),
        campaign.id,
        campaign.owner_municipality_id,
        input.channelId ?? null,
        input.amountCents,
        input.spentOn,
        input.supplier,
        input.invoiceReference ?? null,
        input.description ?? null,
        input.overrideReason ?? null,
        by.id,
        by.name,
      ],
    );
    return rows[0].id;
  }

  expenditures(campaignId: string) {
    return q(
      `select id, channel_id as "channelId", amount_cents::float8 as "amountCents", to_char(spent_on, 'YYYY-MM-DD') as "spentOn",
              supplier, invoice_reference as "invoiceReference", description, override_reason as "overrideReason",
              recorded_by_name as "recordedByName"
         from campaign_expenditure where region_id = $1 and campaign_id = $2 order by spent_on desc, created_at desc`,
      [currentRegionId(), campaignId],
    );
  }

  async insertReach(campaign: CampaignRow, input: ReachInput, by: string): Promise<string> {
    const rows = await q(
      `insert into campaign_reach (region_id, campaign_id, owner_municipality_id, channel_id, period_start, period_end,
         impressions, clicks, visitors, attendees, recorded_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
      [
        currentRegionId(),
        campaign.id,
        campaign.owner_municipality_id,
        input.channelId,
        input.periodStart,
        input.periodEnd,
        input.impressions ?? null,
        input.clicks ?? null,
        input.visitors ?? null,
        input.attendees ?? null,
        by,
      ],
    );
    return rows[0].id;
  }

  reach(campaignId: string) {
    return q(
      `select id, channel_id as "channelId", to_char(period_start, 'YYYY-MM-DD') as "periodStart",
              to_char(period_end, 'YYYY-MM-DD') as "periodEnd", impressions, clicks, visitors, attendees
         from campaign_reach where region_id = $1 and campaign_id = $2 order by period_start, created_at`,
      [currentRegionId(), campaignId],
    );
  }

  budgetChanges(campaignId: string) {
    return q(
      `select old_cents::float8 as "oldCents", new_cents::float8 as "newCents", reason, changed_by_name as "changedByName",
              ${iso('changed_at')} as "changedAt"
         from campaign_budget_change where region_id = $1 and campaign_id = $2 order by changed_at`,
      [currentRegionId(), campaignId],
    );
  }

  /** Sign-ups and intakes per municipality and channel, from the aggregate role (suppressed). */
  attribution(
    campaignId: string,
    threshold: number,
    ownKnown: boolean,
  ): Promise<
    {
      dimension: 'municipality' | 'channel' | 'total';
      key: string | null;
      code: string | null;
      name: string;
      sign_ups: number | null;
      sign_ups_hidden: boolean;
      intakes: number | null;
      intakes_hidden: boolean;
    }[]
  > {
    return q('select * from figures.campaign_attribution($1, $2, $3)', [
      campaignId,
      threshold,
      ownKnown,
    ]);
  }

  /** Whether a code belongs to the regional campaign or to a local one. */
  async levelOfCode(code: string): Promise<'regional' | 'local' | null> {
    const rows = await q(
      'select owner_municipality_id is null as regional from campaign_channel where region_id = $1 and code = $2',
      [currentRegionId(), code],
    );
    if (!rows[0]) return null;
    return rows[0].regional ? 'regional' : 'local';
  }

  /** A known campaign code of the current region, in its stored form. */
  async findCode(code: string): Promise<string | null> {
    const rows = await q('select code from campaign_channel where region_id = $1 and code = $2', [
      currentRegionId(),
      code.toUpperCase(),
    ]);
    return rows[0]?.code ?? null;
  }
}
