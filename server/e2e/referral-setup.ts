import { expect } from 'chai';
import type { Agent } from '../test/agent.ts';

/** The id of a partner organisation of the region, found by its name. */
export async function partnerId(agent: Agent, name: string): Promise<string> {
  const response = await agent.get('/api/v1/partners');
  expect(response.status, response.text).to.equal(200);
  const partner = response.json<{ id: string; name: string }[]>().find((p) => p.name === name);
  expect(partner, name).to.not.equal(undefined);
  return partner!.id;
}

/** A by-us referral with consent for the given data, sent to the partner. */
export async function sentReferral(
  agent: Agent,
  caseId: string,
  partner: string,
  categories: string[],
): Promise<string> {
  const today = new Date().toISOString().slice(0, 10);
  const consent = await agent.send('POST', `/api/v1/cases/${caseId}/consents`, {
    partnerId: partner,
    categories,
    givenHow: 'in_conversation',
    givenOn: today,
  });
  expect(consent.status, consent.text).to.equal(201);
  const created = await agent.send('POST', `/api/v1/cases/${caseId}/referrals`, {
    partnerId: partner,
    mode: 'by_us',
    categories,
    followUpOn: today,
  });
  expect(created.status, created.text).to.equal(201);
  const id = created.json<{ id: string }>().id;
  const sent = await agent.send('POST', `/api/v1/cases/${caseId}/referrals/${id}/status`, {
    status: 'sent',
  });
  expect(sent.status, sent.text).to.equal(200);
  return id;
}
