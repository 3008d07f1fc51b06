import type { Announcement } from '@herorientatie/domain';
import { expect } from 'chai';
import { useTestApp } from '../../../../test/app.ts';

describe('announcements of the region (a region table)', () => {
  const t = useTestApp({
    logins: [
      'nijmegen-coordinator',
      'wijchen-coordinator',
      'wijchen-caseworker',
      'heumen-analyst',
      'nijmegen-caseworker',
    ],
  });
  const agent = (name: string) => t.agent(name);

  it('lets the coordinator of the centre municipality publish, and every member read', async () => {
    const created = await agent('nijmegen-coordinator').send('POST', '/api/v1/announcements', {
      title: 'Regionale campagne start 1 maart',
      body: 'Advertenties in De Gelderlander en op social media.\nVerwijs aanmeldingen door.',
    });
    expect(created.status, created.text).to.equal(201);
    expect(created.json<Announcement>()).to.include({
      publisherName: 'Coördinator Nijmegen',
      publisherMunicipality: 'Nijmegen',
    });
    for (const reader of ['wijchen-caseworker', 'heumen-analyst', 'nijmegen-caseworker']) {
      const list = await agent(reader).get('/api/v1/announcements');
      expect(
        list.json<Announcement[]>().map((a) => a.title),
        reader,
      ).to.include('Regionale campagne start 1 maart');
    }
  });

  it('refuses a coordinator of another member municipality and other roles', async () => {
    const body = { title: 'Niet toegestaan', body: 'x' };
    expect(
      (await agent('wijchen-coordinator').send('POST', '/api/v1/announcements', body)).status,
    ).to.equal(403);
    expect(
      (await agent('wijchen-caseworker').send('POST', '/api/v1/announcements', body)).status,
    ).to.equal(403);
    const id = (await agent('wijchen-caseworker').get('/api/v1/announcements')).json<
      Announcement[]
    >()[0]!.id;
    expect(
      (await agent('wijchen-coordinator').send('DELETE', `/api/v1/announcements/${id}`)).status,
    ).to.equal(403);
  });

  it('validates input in Dutch and removes an announcement', async () => {
    const empty = await agent('nijmegen-coordinator').send('POST', '/api/v1/announcements', {
      title: ' ',
    });
    expect(empty.status).to.equal(400);
    expect(empty.json<{ errors: { name: string; reason: string }[] }>().errors).to.deep.equal([
      { name: 'title', code: 'too_small', reason: 'Geef het bericht een titel.' },
      { name: 'body', code: 'invalid_type', reason: 'Schrijf het bericht.' },
    ]);
    const id = (await agent('nijmegen-coordinator').get('/api/v1/announcements')).json<
      Announcement[]
    >()[0]!.id;
    expect(
      (await agent('nijmegen-coordinator').send('DELETE', `/api/v1/announcements/${id}`)).status,
    ).to.equal(204);
    expect(
      (await agent('nijmegen-coordinator').send('DELETE', `/api/v1/announcements/${id}`)).status,
    ).to.equal(404);
  });
});
