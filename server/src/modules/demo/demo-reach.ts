import type { Role } from '@herorientatie/domain';
import { actors, type UserActor } from '../../context/actor.ts';
import {
  currentManager,
  currentMunicipalityId,
  type TenantUnitOfWork,
} from '../../db/unit-of-work.ts';
import { AnnouncementsService } from '../announcements/announcements.service.ts';
import { ROLE_PERSON, slug } from '../auth/demo-accounts.ts';
import { CampaignsService } from '../campaigns/campaigns.service.ts';
import { FinanceService } from '../finance/finance.service.ts';
import type { ReferenceRepository } from '../reference/reference.repository.ts';

type Place = { id: string; code: string; name: string; regionId: string; isCentre: boolean };

const q = (sql: string, params: unknown[] = []) => currentManager().query(sql, params);

/** The demo user of a municipality and role, as the development provider logs them in. */
async function demoUser(uow: TenantUnitOfWork, place: Place, role: Role): Promise<UserActor> {
  const subject = `${slug(place.name)}-${role}`;
  const name = `${ROLE_PERSON[role]} ${place.name}`;
  const id = await uow.run(
    actors.system({ id: place.id, regionId: place.regionId }, 'demo-seed'),
    async () => {
      const rows = await q(
        `insert into app_user (municipality_id, subject, name, roles) values ($1, $2, $3, $4)
       on conflict (municipality_id, subject) do update set subject = excluded.subject returning id`,
        [currentMunicipalityId(), subject, name, [role]],
      );
      return rows[0].id as string;
    },
  );
  return actors.user({
    id,
    subject,
    name,
    email: null,
    municipalityId: place.id,
    municipalityCode: place.code,
    regionId: place.regionId,
    isCentre: place.isCentre,
    roles: [role],
  });
}

/**
 * Wijchen's Tozo list and waves as in the pilot: 526 Tozo users, of whom the 88 Tozo 3
 * applicants were approached by letter in November 2020 and 11 responded; a reminder by
 * e-mail to the 77 others; then a letter to the remaining 438.
 */
async function seedWijchenOutreach(caseworker: UserActor) {
  const [{ n }] = await q(
    'select count(*)::int as n from outreach_recipient where municipality_id = $1',
    [currentMunicipalityId()],
  );
  if (n > 0) return;
  const [imp] = await q(
    `insert into outreach_import (municipality_id, filename, encoding, mode, rows, new_count, updated_count,
       unchanged_count, rejected_count, imported_by)
     values ($1, 'tozo-wijchen-2021.csv', 'windows-1252', 'valid-rows', 526, 526, 0, 0, 0, $2) returning id`,
    [currentMunicipalityId(), caseworker.user.id],
  );
  await q(
    `insert into outreach_recipient (municipality_id, kvk_number, name, business_name, email, postcode, house_number,
       sbi_code, tozo_periods, content_hash, last_import_id, street, town)
     select $1, lpad((71000000 + g)::text, 8, '0'), 'Ondernemer ' || g, 'Onderneming ' || g,
            case when g % 3 = 0 then 'ondernemer' || g || '@example.org' end,
            (array['6601 AB', '6602 CD', '6603 EF', '6604 GH', '6605 JK'])[1 + g % 5], (1 + g % 150)::text,
            (array['9602', '5610', '4399', '4778', '7420', '9001'])[1 + g % 6],
            case when g <= 88 then array['tozo1', 'tozo3'] else array['tozo1'] end, md5(g::text), $2,
            (array['Kerkstraat', 'Molenweg', 'Dorpsstraat', 'Stationsweg', 'Markt'])[1 + g % 5], 'Wijchen'
       from generate_series(1, 526) g`,
    [currentMunicipalityId(), imp.id],
  );
  const wave = async (name: string, channel: string, date: string, parent: string | null) =>
    (
      await q(
        `insert into outreach_wave (municipality_id, name, channel, planned_date, parent_wave_id, created_by)
         values ($1, $2, $3, $4, $5, $6) returning id`,
        [currentMunicipalityId(), name, channel, date, parent, caseworker.user.id],
      )
    )[0].id as string;
  const pilot = await wave('Pilot Tozo 3 (brief)', 'letter', '2020-11-16', null);
  // 11 of 88 responded: 7 interested, 2 not interested, 2 already helped.
  await q(
    `insert into outreach_contact (municipality_id, wave_id, recipient_id, response, responded_at, recorded_by,
       response_date, response_channel)
     select r.municipality_id, $2, r.id,
            case when rn <= 7 then 'interested' when rn <= 9 then 'not_interested'
                 when rn <= 11 then 'already_helped' else 'no_response' end,
            case when rn <= 11 then timestamptz '2020-11-30' end, $3,
            case when rn <= 11 then date '2020-11-27' end, case when rn <= 11 then 'phone' end
       from (select r.*, row_number() over (order by kvk_number) as rn from outreach_recipient r
              where r.municipality_id = $1 and 'tozo3' = any(r.tozo_periods)) r`,
    [currentMunicipalityId(), pilot, caseworker.user.id],
  );
  // The interested became cases: link them to the demo cases that came through the outreach.
  await q(
    `with interested as (
       select c.id, row_number() over (order by c.id) as rn from outreach_contact c
        where c.municipality_id = $1 and c.wave_id = $2 and c.response = 'interested'),
     cases as (
       select f.id, row_number() over (order by f.registered_at) as rn from case_file f
        where f.municipality_id = $1 and f.source = 'tozo_outreach')
     update outreach_contact c set case_id = cases.id from interested join cases using (rn)
      where c.municipality_id = $1 and c.id = interested.id`,
    [currentMunicipalityId(), pilot],
  );
  await q(
    `update case_file f set outreach_wave_id = $2 from outreach_contact c
      where c.municipality_id = $1 and c.wave_id = $2 and f.municipality_id = $1 and f.id = c.case_id`,
    [currentMunicipalityId(), pilot],
  );
  const reminder = await wave('Herinnering Tozo 3 (e-mail)', 'email', '2021-04-12', pilot);
  await q(
    `insert into outreach_contact (municipality_id, wave_id, recipient_id, response, responded_at, recorded_by,
       response_date, response_channel)
     select c.municipality_id, $3, c.recipient_id,
            case when row_number() over (order by c.id) <= 6 then 'interested' else 'pending' end,
            case when row_number() over (order by c.id) <= 6 then timestamptz '2021-04-20' end, $4,
            case when row_number() over (order by c.id) <= 6 then date '2021-04-19' end,
            case when row_number() over (order by c.id) <= 6 then 'email' end
       from outreach_contact c where c.municipality_id = $1 and c.wave_id = $2 and c.response = 'no_response'`,
    [currentMunicipalityId(), pilot, reminder, caseworker.user.id],
  );
  const all = await wave('Alle Tozo-gebruikers (brief)', 'letter', '2021-05-03', null);
  await q(
    `insert into outreach_contact (municipality_id, wave_id, recipient_id)
     select r.municipality_id, $2, r.id from outreach_recipient r
      where r.municipality_id = $1 and not ('tozo3' = any(r.tozo_periods))`,
    [currentMunicipalityId(), all],
  );
}

/** Gives the demo cases that came through a campaign one of its channel codes. */
async function attributeCases(level: 'regional_campaign' | 'local_campaign', codes: string[]) {
  if (codes.length === 0) return;
  await q(
    `update case_file f set campaign_code = ($3::text[])[1 + (x.rn % cardinality($3::text[]))]
       from (select id, row_number() over (order by registered_at) as rn from case_file
              where municipality_id = $1 and source = $2 and campaign_code is null) x
      where f.municipality_id = $1 and f.id = x.id`,
    [currentMunicipalityId(), level, codes],
  );
}

/**
 * Reach in the demo region: the regional campaign of Nijmegen (€ 27,500) with channels,
 * expenditures and reach; Wijchen's local campaign (€ 5,000); Wijchen's outreach as in the
 * pilot; a message of the coordinator. Does nothing when the region already has a campaign.
 */
export async function seedDemoReach(
  uow: TenantUnitOfWork,
  reference: ReferenceRepository,
  publicUrl: string,
): Promise<boolean> {
  const places: Place[] = (await reference.listMunicipalities()).map((m) => ({
    id: m.id,
    code: m.code,
    name: m.name,
    regionId: m.regionId,
    isCentre: m.isCentre,
  }));
  const nijmegen = places.find((p) => p.code === 'GM0268');
  const wijchen = places.find((p) => p.code === 'GM0296');
  if (!nijmegen || !wijchen) return false;
  const coordinator = await demoUser(uow, nijmegen, 'coordinator');
  const campaigns = new CampaignsService(publicUrl);
  if ((await uow.run(coordinator, () => campaigns.list(coordinator))).length > 0) return false;

  const regional = await uow.run(coordinator, async () => {
    let c = await campaigns.create(coordinator, 'regional', {
      name: 'Heroriëntatie Rijk van Nijmegen 2021',
      description:
        'Eén herkenbare campagne voor zelfstandig ondernemers die geen Tozo hadden: "Ondernemer, hoe nu verder?"',
      periodStart: '2021-05-01',
      periodEnd: '2021-09-30',
      targetSegments: ['non_tozo', 'hospitality', 'retail', 'culture_events'],
      budgetCents: 2_750_000,
    });
    for (const [kind, name, budgetCents] of [
      ['social_media', 'Facebook en Instagram', 800_000],
      ['radio', 'Omroep Gelderland', 600_000],
      ['newspaper', 'De Gelderlander', 500_000],
      ['website', 'Website en zoekadvertenties', 350_000],
      ['accountants', 'Netwerk boekhouders en administratiekantoren', 150_000],
    ] as const) {
      c = await campaigns.addChannel(coordinator, c.id, { kind, name, budgetCents });
    }
    const ch = (kind: string) => c.channels.find((x) => x.kind === kind)!.id;
    for (const [kind, amountCents, spentOn, supplier, invoiceReference] of [
      ['social_media', 385_000, '2021-05-10', 'Meta Platforms Ireland', 'FB-2021-0512'],
      ['social_media', 240_000, '2021-06-14', 'Meta Platforms Ireland', 'FB-2021-0618'],
      ['radio', 575_000, '2021-05-17', 'Omroep Gelderland', 'OG-21-3301'],
      ['newspaper', 312_500, '2021-05-22', 'DPG Media (De Gelderlander)', 'DPG-88213'],
      ['website', 120_000, '2021-05-03', 'Webbureau Waalkade', '2021-044'],
      ['accountants', 45_000, '2021-06-01', 'Drukkerij Nijmegen', 'DN-7781'],
    ] as const) {
      c = await campaigns.addExpenditure(coordinator, c.id, {
        channelId: ch(kind),
        amountCents,
        spentOn,
        supplier,
        invoiceReference,
      });
    }
    for (const [kind, periodStart, periodEnd, reach] of [
      ['social_media', '2021-05-01', '2021-05-31', { impressions: 182_400, clicks: 3_120 }],
      ['social_media', '2021-06-01', '2021-06-30', { impressions: 121_900, clicks: 1_870 }],
      ['radio', '2021-05-17', '2021-05-30', { impressions: 240_000 }],
      ['newspaper', '2021-05-22', '2021-05-22', { impressions: 95_000 }],
      ['website', '2021-05-01', '2021-06-30', { visitors: 4_230, clicks: 610 }],
      ['accountants', '2021-06-01', '2021-06-30', { attendees: 38 }],
    ] as const) {
      c = await campaigns.addReach(coordinator, c.id, {
        channelId: ch(kind),
        periodStart,
        periodEnd,
        ...reach,
      });
    }
    await new AnnouncementsService().publish(coordinator, {
      title: 'Regionale campagne loopt van mei tot en met september',
      body: 'De campagne "Ondernemer, hoe nu verder?" is gestart op sociale media, Omroep Gelderland en in De Gelderlander. Aanmeldingen via de campagnelinks komen vanzelf bij de juiste gemeente binnen, onder "Nieuw, nog niet toegewezen".',
    });
    return c;
  });

  const manager = await demoUser(uow, wijchen, 'manager');
  const local = await uow.run(manager, async () => {
    let c = await campaigns.create(manager, 'local', {
      name: 'Bedrijventerreinen en boekhouders Wijchen',
      description: 'Ontbijtsessies op de bedrijventerreinen en een mailing via lokale boekhouders.',
      periodStart: '2021-09-01',
      periodEnd: '2021-10-31',
      targetSegments: ['business_parks', 'construction'],
      budgetCents: 500_000,
    });
    c = await campaigns.addChannel(manager, c.id, {
      kind: 'business_parks',
      name: 'Ontbijtsessies Bijsterhuizen',
      budgetCents: 250_000,
    });
    c = await campaigns.addChannel(manager, c.id, {
      kind: 'accountants',
      name: 'Mailing lokale boekhouders',
      budgetCents: 150_000,
    });
    c = await campaigns.addExpenditure(manager, c.id, {
      channelId: c.channels[0]!.id,
      amountCents: 125_000,
      spentOn: '2021-09-14',
      supplier: 'Bakkerij Wijchen (catering)',
      invoiceReference: '2021-0914',
    });
    c = await campaigns.addReach(manager, c.id, {
      channelId: c.channels[0]!.id,
      periodStart: '2021-09-14',
      periodEnd: '2021-09-14',
      attendees: 27,
    });
    return c;
  });

  // Wijchen's contracts and budget for 2021, as in the council proposal.
  await uow.run(manager, async () => {
    const finance = new FinanceService();
    for (const [serviceType, provider, priceCents] of [
      ['intake', 'Ondernemersklankbord', 15_000],
      ['perspective_analysis', 'Ondernemersklankbord', 40_500],
      ['coaching', 'Over Rood', 14_000],
    ] as const) {
      await finance.addContract(manager, {
        provider,
        serviceType,
        priceCents,
        validFrom: '2021-01-01',
      });
    }
    await finance.saveBudget(manager, 2021, {
      coverage: [{ source: 'Extra participatiebudget 2021', amountCents: 19_800_000 }],
      planned: {
        intake: 1_800_000,
        perspective_analysis: 4_860_000,
        coaching: 1_680_000,
        local_communication: 500_000,
        debt_restructuring: 0,
      },
      assumptions: {
        responseRatePercent: 20,
        remainingRecipients: 400,
        expectedCampaignSignUps: 40,
        analysisSharePercent: 100,
        coachingSharePercent: 100,
      },
    });
  });

  const caseworker = await demoUser(uow, wijchen, 'caseworker');
  for (const place of places) {
    const actor = place.code === 'GM0296' ? caseworker : actors.system(place, 'demo-seed');
    await uow.run(actor, async () => {
      await attributeCases(
        'regional_campaign',
        regional.channels.map((c) => c.code),
      );
      if (place.code === 'GM0296') {
        await attributeCases(
          'local_campaign',
          local.channels.map((c) => c.code),
        );
        await seedWijchenOutreach(caseworker);
      }
    });
  }
  return true;
}
