import { expect } from 'chai';
import { Agent } from './agent.ts';

/** The letterhead a municipality needs before letters can be made (all contact details). */
export const COMPLETE_LETTERHEAD = {
  department: 'Team Ondernemers',
  addressLines: 'Postbus 9000\n6600 HA Wijchen',
  phone: '14 024',
  email: 'ondernemers@wijchen.example',
  website: 'www.wijchen.nl',
  signatoryName: 'M. Jansen',
  signatoryTitle: 'Teamleider',
};

/** Sets the complete letterhead as the municipality's administrator (`wijchen-admin`). */
export async function setLetterhead(baseUrl: string, admin = 'wijchen-admin'): Promise<void> {
  const agent = new Agent(baseUrl);
  await agent.login(admin);
  const saved = await agent.send('PUT', '/api/v1/letterhead', COMPLETE_LETTERHEAD);
  expect(saved.status, saved.text).to.equal(200);
}
