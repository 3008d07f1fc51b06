import type { Partner } from '@herorientatie/domain';
import { expect } from 'chai';
import { useTestApp } from '../../../../test/app.ts';
import { actors } from '../../../context/actor.ts';
import { currentManager, TenantUnitOfWork } from '../../../db/unit-of-work.ts';

describe('partner organisations kept up to date by the centre municipality', () => {
  const t = useTestApp({
    logins: ['nijmegen-admin', 'wijchen-admin', 'nijmegen-caseworker', 'wijchen-caseworker'],
  });
  const centre = () => t.agent('nijmegen-admin');
  const input = {
    name: 'Budgetcoach Rijk van Nijmegen',
    kind: 'coaching',
    routes: ['solve_finances'],
    services: 'Hulp bij het op orde brengen van de administratie',
    contactChannel: 'Aanmelding per e-mail',
    email: 'budgetcoach@example.org',
    requiredCategories: ['contact'],
  };

  it('lets the centre municipality administrator add and change a partner, audited', async () => {
    const made = await centre().send('POST', '/api/v1/partners', { ...input, code: 'budgetcoach' });
    expect(made.status, made.text).to.equal(201);
    const partner = made.json<Partner>();
    expect(partner).to.include({ code: 'budgetcoach', name: 'Budgetcoach Rijk van Nijmegen' });
    // Caseworkers of every municipality of the region choose it from then on.
    const seen = (await t.agent('wijchen-caseworker').get('/api/v1/partners')).json<Partner[]>();
    expect(seen.map((p) => p.code)).to.include('budgetcoach');

    const changed = await centre().send('PUT', `/api/v1/partners/${partner.id}`, {
      ...input,
      email: 'aanmelden@budgetcoach.example',
      requiredCategories: ['contact', 'address'],
    });
    expect(changed.status, changed.text).to.equal(200);
    expect(changed.json<Partner>()).to.deep.include({
      email: 'aanmelden@budgetcoach.example',
      requiredCategories: ['contact', 'address'],
    });
    const audit = await t.db.admin.query(
      `select action from audit_log where object_type = 'partner-organisation' and object_id = $1 order by occurred_at`,
      [partner.id],
    );
    expect(audit.rows.map((r) => r.action)).to.deep.equal(['create', 'update']);
  });

  it('refuses other municipalities, other roles, bad input and a code in use', async () => {
    for (const who of ['wijchen-admin', 'nijmegen-caseworker', 'wijchen-caseworker']) {
      const r = await t.agent(who).send('POST', '/api/v1/partners', { ...input, code: 'anders' });
      expect(r.status, who).to.equal(403);
    }
    const bad = await centre().send('POST', '/api/v1/partners', {
      ...input,
      code: 'Niet Goed',
      email: 'geen-adres',
      routes: ['raket'],
    });
    expect(bad.status).to.equal(400);
    expect(bad.text).to.contain('Een code is 2 tot 40 kleine letters');
    expect(bad.text).to.contain('Vul een geldig e-mailadres in.');
    const taken = await centre().send('POST', '/api/v1/partners', {
      ...input,
      code: 'leerwerkloket',
    });
    expect(taken.status).to.equal(409);
    const partners = (await centre().get('/api/v1/partners')).json<Partner[]>();
    const lwl = partners.find((p) => p.code === 'leerwerkloket')!;
    expect(
      (await centre().send('PUT', `/api/v1/partners/00000000-0000-4000-8000-000000000000`, input))
        .status,
    ).to.equal(404);
    // The table stays reference data: the application role cannot write it directly, and
    // the database function refuses an administrator outside the centre municipality.
    const uow = new TenantUnitOfWork(t.db.dataSource);
    const wijchenAdmin = (
      await t.db.admin.query(
        `select u.id, u.municipality_id, m.region_id from app_user u join municipality m on m.id = u.municipality_id
          where u.subject = 'wijchen-admin'`,
      )
    ).rows[0];
    const asWijchenAdmin = actors.user({
      id: wijchenAdmin.id,
      municipalityId: wijchenAdmin.municipality_id,
      regionId: wijchenAdmin.region_id,
      roles: ['admin'],
      isCentre: false,
    } as never);
    let refused: Error | undefined;
    try {
      await uow.run(asWijchenAdmin, () =>
        currentManager().query(
          `select save_partner_organisation($1, null, 'Overgenomen', 'coaching', '{}', 'x', 'x', null, '{}')`,
          [lwl.id],
        ),
      );
    } catch (err) {
      refused = err as Error;
    }
    expect(refused?.message).to.match(/centre municipality/);
    let direct: Error | undefined;
    try {
      await uow.run(asWijchenAdmin, () =>
        currentManager().query(
          `update partner_organisation set name = 'Overgenomen' where id = $1`,
          [lwl.id],
        ),
      );
    } catch (err) {
      direct = err as Error;
    }
    expect(direct?.message).to.match(/permission denied/);
    const after = (await centre().get('/api/v1/partners')).json<Partner[]>();
    expect(after.find((p) => p.code === 'leerwerkloket')!.name).to.equal(lwl.name);
  });
});
