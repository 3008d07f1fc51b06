import { randomInt } from 'node:crypto';
import type { CAMPAIGN_CHANNEL_KINDS } from '@herorientatie/domain';
import {
  can,
  formatEuro,
  type BudgetChangeInput,
  type CampaignAttribution,
  type CampaignDetail,
  type CampaignInput,
  type CampaignSummary,
  type CampaignUpdate,
  type ChannelInput,
  type ExpenditureInput,
  type ReachInput,
} from '@herorientatie/domain';
import QRCode from 'qrcode';
import { principalOf, type UserActor } from '../../context/actor.ts';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../../errors.ts';
import { AuditService } from '../audit/audit.service.ts';
import { CampaignsRepository, type CampaignRow } from './campaigns.repository.ts';

// Letters and digits that cannot be mistaken for each other on a poster.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const KIND_PREFIX: Record<(typeof CAMPAIGN_CHANNEL_KINDS)[number], string> = {
  social_media: 'SOC',
  radio: 'RAD',
  newspaper: 'KRT',
  website: 'WEB',
  flyers: 'FLY',
  events: 'BIJ',
  accountants: 'ACC',
  business_parks: 'BDT',
  other: 'ANR',
};

export const signUpPath = (code: string) => `/aanmelden?campagne=${encodeURIComponent(code)}`;

/**
 * Campaigns at both levels: the regional campaign (managed by a coordinator of the centre
 * municipality, read by every member) and local campaigns (managed by the municipality's
 * manager). Budget changes are kept with who and why; an expenditure beyond the budget
 * needs a manager's override with a reason.
 */
export class CampaignsService {
  constructor(
    private readonly publicUrl: string,
    private readonly repository = new CampaignsRepository(),
    private readonly audit = new AuditService(),
  ) {}

  private mayManage(actor: UserActor, campaign: Pick<CampaignRow, 'owner_municipality_id'>) {
    const user = principalOf(actor.user);
    return campaign.owner_municipality_id === null
      ? can(user, 'campaign:manage')
      : campaign.owner_municipality_id === actor.municipalityId &&
          can(user, 'local-campaign:manage');
  }

  private assertManage(actor: UserActor, campaign: CampaignRow) {
    if (!this.mayManage(actor, campaign)) {
      throw new Forbidden(
        campaign.owner_municipality_id === null
          ? 'Alleen de regiocoördinator van de centrumgemeente beheert de regionale campagne.'
          : 'Alleen de manager van de gemeente beheert deze lokale campagne.',
      );
    }
  }

  private async load(id: string, lock = false): Promise<CampaignRow> {
    const campaign = await this.repository.find(id, lock);
    if (!campaign) throw new NotFound('De campagne');
    return campaign;
  }

  private summary(actor: UserActor, row: CampaignRow): CampaignSummary {
    return {
      id: row.id,
      level: row.owner_municipality_id === null ? 'regional' : 'local',
      municipalityName: row.municipality_name,
      name: row.name,
      periodStart: row.period_start,
      periodEnd: row.period_end,
      budgetCents: row.budget_cents,
      spentCents: row.spent_cents,
      remainingCents: row.budget_cents - row.spent_cents,
      canManage: this.mayManage(actor, row),
    };
  }

  async list(actor: UserActor): Promise<CampaignSummary[]> {
    return (await this.repository.list()).map((row) => this.summary(actor, row));
  }

  async get(actor: UserActor, id: string): Promise<CampaignDetail> {
    const row = await this.load(id);
    const channels = await this.repository.channels(id);
    return {
      ...this.summary(actor, row),
      description: row.description,
      targetSegments: row.target_segments as CampaignDetail['targetSegments'],
      channels: channels.map((c) => ({
        id: c.id,
        kind: c.kind as CampaignDetail['channels'][number]['kind'],
        name: c.name,
        code: c.code,
        budgetCents: c.budget_cents,
        spentCents: c.spent_cents,
        signUpUrl: `${this.publicUrl}${signUpPath(c.code)}`,
      })),
      expenditures: await this.repository.expenditures(id),
      reach: await this.repository.reach(id),
      budgetChanges: await this.repository.budgetChanges(id),
    };
  }

  async create(actor: UserActor, level: 'regional' | 'local', input: CampaignInput) {
    const owner = level === 'regional' ? null : actor.municipalityId;
    this.assertManage(actor, { owner_municipality_id: owner } as CampaignRow);
    const id = await this.repository.insert(input, owner);
    await this.audit.record({ action: 'create', objectType: 'campaign', objectId: id });
    return this.get(actor, id);
  }

  async update(actor: UserActor, id: string, input: CampaignUpdate) {
    this.assertManage(actor, await this.load(id, true));
    await this.repository.update(id, input);
    await this.audit.record({ action: 'update', objectType: 'campaign', objectId: id });
    return this.get(actor, id);
  }

  async changeBudget(actor: UserActor, id: string, change: BudgetChangeInput) {
    const campaign = await this.load(id, true);
    this.assertManage(actor, campaign);
    if (change.budgetCents < campaign.spent_cents) {
      throw new ValidationFailed([
        {
          name: 'budgetCents',
          code: 'below_spent',
          reason: `Er is al ${formatEuro(campaign.spent_cents)} uitgegeven; het budget kan niet lager zijn.`,
        },
      ]);
    }
    await this.repository.changeBudget(campaign, change, {
      id: actor.user.id,
      name: actor.user.name,
    });
    await this.audit.record({
      action: 'update',
      objectType: 'campaign-budget',
      objectId: id,
      reason: change.reason,
    });
    return this.get(actor, id);
  }

  async addChannel(actor: UserActor, id: string, input: ChannelInput) {
    const campaign = await this.load(id, true);
    this.assertManage(actor, campaign);
    for (let attempt = 0; attempt < 5; attempt++) {
      let suffix = '';
      for (let i = 0; i < 5; i++) suffix += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
      const code = `${KIND_PREFIX[input.kind]}-${suffix}`;
      if (await this.repository.insertChannel(campaign, input, code)) {
        await this.audit.record({
          action: 'create',
          objectType: 'campaign-channel',
          objectId: code,
        });
        return this.get(actor, id);
      }
    }
    throw new Conflict('Er kon geen unieke campagnecode worden gemaakt. Probeer het opnieuw.');
  }

  async addExpenditure(actor: UserActor, id: string, input: ExpenditureInput) {
    // The lock makes two expenditures at once count each other.
    const campaign = await this.load(id, true);
    const user = principalOf(actor.user);
    const overriding = Boolean(input.overrideReason);
    const ownCampaign =
      campaign.owner_municipality_id === null
        ? user.isCentre
        : campaign.owner_municipality_id === actor.municipalityId;
    if (
      !this.mayManage(actor, campaign) &&
      !(overriding && ownCampaign && can(user, 'budget:override'))
    ) {
      this.assertManage(actor, campaign);
    }
    if (input.channelId && !(await this.repository.channelBelongs(id, input.channelId))) {
      throw new ValidationFailed([
        {
          name: 'channelId',
          code: 'unknown_channel',
          reason: 'Kies een kanaal van deze campagne.',
        },
      ]);
    }
    const remaining = campaign.budget_cents - campaign.spent_cents;
    if (input.amountCents > remaining) {
      if (!overriding) {
        throw new Conflict(
          `Deze uitgave van ${formatEuro(input.amountCents)} past niet in het resterende budget van ${formatEuro(remaining)}. Een manager kan de uitgave met een reden toch vastleggen.`,
        );
      }
      if (!can(user, 'budget:override')) {
        throw new Forbidden('Alleen een manager kan een uitgave boven het budget vastleggen.');
      }
    } else if (overriding) {
      throw new ValidationFailed([
        {
          name: 'overrideReason',
          code: 'not_needed',
          reason:
            'Deze uitgave past in het budget; een reden om het budget te overschrijden is niet nodig.',
        },
      ]);
    }
    const expenditureId = await this.repository.insertExpenditure(campaign, input, {
      id: actor.user.id,
      name: actor.user.name,
    });
    await this.audit.record({
      action: 'create',
      objectType: 'campaign-expenditure',
      objectId: expenditureId,
      ...(overriding ? { reason: `budget overschreden: ${input.overrideReason}` } : {}),
    });
    return this.get(actor, id);
  }

  async addReach(actor: UserActor, id: string, input: ReachInput) {
    const campaign = await this.load(id, true);
    this.assertManage(actor, campaign);
    if (!(await this.repository.channelBelongs(id, input.channelId))) {
      throw new ValidationFailed([
        {
          name: 'channelId',
          code: 'unknown_channel',
          reason: 'Kies een kanaal van deze campagne.',
        },
      ]);
    }
    await this.repository.insertReach(campaign, input, actor.user.id);
    return this.get(actor, id);
  }

  /**
   * Sign-ups, intakes and cost per sign-up per channel and per municipality. Other
   * municipalities' counts come only from the aggregate role, suppressed under the
   * threshold; the own municipality is shown in full to users who see its cases anyway.
   */
  async attribution(actor: UserActor, id: string, threshold: number): Promise<CampaignAttribution> {
    const campaign = await this.load(id);
    const user = principalOf(actor.user);
    const rows = await this.repository.attribution(id, threshold, can(user, 'case:read'));
    const channels = await this.repository.channels(id);
    const count = (value: number | null, hidden: boolean) => ({
      value: hidden ? null : value,
      suppressed: hidden,
    });
    const costPer = (spent: number, signUps: number | null, hidden: boolean) =>
      !hidden && signUps !== null && signUps >= threshold ? Math.round(spent / signUps) : null;
    const total = rows.find((r) => r.dimension === 'total')!;
    await this.audit.record({ action: 'read', objectType: 'campaign-attribution', objectId: id });
    return {
      threshold,
      channels: rows
        .filter((r) => r.dimension === 'channel')
        .map((r) => {
          const channel = channels.find((c) => c.id === r.key)!;
          return {
            channelId: channel.id,
            code: channel.code,
            name: channel.name,
            kind: channel.kind as CampaignAttribution['channels'][number]['kind'],
            spentCents: channel.spent_cents,
            signUps: count(r.sign_ups, r.sign_ups_hidden),
            intakes: count(r.intakes, r.intakes_hidden),
            costPerSignUpCents: costPer(channel.spent_cents, r.sign_ups, r.sign_ups_hidden),
          };
        }),
      municipalities: rows
        .filter((r) => r.dimension === 'municipality')
        .map((r) => ({
          code: r.code!,
          name: r.name,
          own: r.key === actor.municipalityId,
          signUps: count(r.sign_ups, r.sign_ups_hidden),
          intakes: count(r.intakes, r.intakes_hidden),
        })),
      total: {
        signUps: count(total.sign_ups, total.sign_ups_hidden),
        intakes: count(total.intakes, total.intakes_hidden),
        spentCents: campaign.spent_cents,
        costPerSignUpCents: costPer(campaign.spent_cents, total.sign_ups, total.sign_ups_hidden),
      },
    };
  }

  /** The sign-up link of a channel as an SVG QR code, for print. */
  async qrCode(actor: UserActor, id: string, channelId: string): Promise<string> {
    const channel = (await this.get(actor, id)).channels.find((c) => c.id === channelId);
    if (!channel) throw new NotFound('Het kanaal');
    return QRCode.toString(channel.signUpUrl, {
      type: 'svg',
      errorCorrectionLevel: 'M',
      margin: 2,
    });
  }
}
