import type { CampaignDetail, Wave } from '@herorientatie/domain';
import { expect } from 'chai';
import type { Agent } from '../test/agent.ts';

/** The regional campaign with one channel, as the coordinator of the centre sets it up. */
export async function regionalCampaign(agent: Agent, budgetCents = 1_000_000) {
  const created = await agent.send('POST', '/api/v1/campaigns?level=regional', {
    name: 'Ondernemer, hoe nu verder?',
    periodStart: '2021-05-01',
    periodEnd: '2021-09-30',
    targetSegments: ['non_tozo'],
    budgetCents,
  });
  expect(created.status, created.text).to.equal(201);
  const campaign = created.json<CampaignDetail>();
  const channel = await agent.send('POST', `/api/v1/campaigns/${campaign.id}/channels`, {
    kind: 'radio',
    name: 'Omroep Gelderland',
    budgetCents: 400_000,
  });
  expect(channel.status, channel.text).to.equal(201);
  return channel.json<CampaignDetail>();
}

/** A list of Tozo recipients as Excel saves it, with one bad row when asked. */
export function recipientsCsv(count: number, withBadRow = false): Buffer {
  const lines = ['Bedrijfsnaam;KvK-nummer;Naam;Postcode;E-mailadres;Tozo;Opmerking'];
  for (let i = 1; i <= count; i++) {
    lines.push(
      `Bedrijf ${i};${String(50_000_000 + i)};Ondernemer ${i};6602 AB;o${i}@example.org;Tozo 3;`,
    );
  }
  if (withBadRow) lines.push('Foute regel;1234;Iemand;66 AB;geen-mail;Tozo 3;');
  return Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
}

/** Imports recipients and makes a letter wave of them, as a caseworker does. */
export async function waveOfRecipients(agent: Agent, count = 6): Promise<Wave> {
  const imported = await agent.upload(
    '/api/v1/outreach/imports?mode=all-or-nothing',
    'tozo.csv',
    recipientsCsv(count),
    'text/csv',
  );
  expect(imported.status, imported.text).to.equal(201);
  const wave = await agent.send('POST', '/api/v1/outreach/waves', {
    name: 'Brief Tozo 3',
    channel: 'letter',
    plannedDate: '2021-05-03',
    criteria: { tozoPeriods: ['tozo3'] },
  });
  expect(wave.status, wave.text).to.equal(201);
  return wave.json<Wave>();
}
