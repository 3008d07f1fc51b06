import { expect } from 'chai';
import { createTestDatabase, type TestDatabase } from '../../../../test/database.ts';
import { createUser, municipality, type MunicipalityRef } from '../../../../test/factories.ts';
import { actors, type SessionUser } from '../../../context/actor.ts';
import { requestContext } from '../../../context/request-context.ts';
import { currentManager, TenantUnitOfWork } from '../../../db/unit-of-work.ts';
import { AuditRepository } from '../audit.repository.ts';
import { AuditService } from '../audit.service.ts';

describe('audit log', () => {
  let db: TestDatabase;
  let uow: TenantUnitOfWork;
  let wijchen: MunicipalityRef;
  let userId: string;
  let otherUserId: string;
  let user: SessionUser;

  before(async () => {
    db = await createTestDatabase();
    uow = new TenantUnitOfWork(db.dataSource);
    wijchen = await municipality(db.admin, 'GM0296');
    userId = (await createUser(db.admin, wijchen.id, { roles: ['caseworker'] })).id;
    otherUserId = (await createUser(db.admin, wijchen.id, { roles: ['caseworker'] })).id;
    user = {
      id: userId,
      subject: 's',
      name: 'n',
      email: null,
      municipalityId: wijchen.id,
      municipalityCode: 'GM0296',
      regionId: wijchen.regionId,
      isCentre: false,
      roles: ['caseworker'],
    };
  });
  after(() => db.drop());

  const inRequest = <T>(fn: () => Promise<T>) =>
    requestContext.run(
      { requestId: 'req-1', clientRequestId: 'client-7', route: 'GET /api/v1/cases/42', user },
      fn,
    );

  it('records who, municipality, what, which object, when, route and request', async () => {
    await inRequest(() =>
      uow.run(actors.user(user), () =>
        new AuditService().record({
          action: 'read',
          objectType: 'case',
          objectId: '42',
          reason: 'dossier',
        }),
      ),
    );
    const entries = await uow.run(actors.user(user), () =>
      new AuditRepository().listForObject('case', '42'),
    );
    expect(entries).to.have.length(1);
    const entry = entries[0]!;
    expect(entry).to.include({
      municipalityId: wijchen.id,
      userId,
      actorKind: 'user',
      action: 'read',
      objectType: 'case',
      objectId: '42',
      route: 'GET /api/v1/cases/42',
      reason: 'dossier',
      requestId: 'req-1',
      clientRequestId: 'client-7',
    });
    expect(Date.now() - entry.occurredAt.getTime()).to.be.lessThan(60_000);
  });

  it('records the actor kind of system and public writes, without a user', async () => {
    await uow.run(actors.system(wijchen, 'import'), () =>
      new AuditService().record({ action: 'create', objectType: 'import', objectId: 'sys-1' }),
    );
    await uow.run(actors.public(wijchen, 'aanmelding'), () =>
      new AuditService().record({ action: 'create', objectType: 'sign-up', objectId: 'pub-1' }),
    );
    const rows = await db.admin.query(
      `select object_id, actor_kind, actor_label, user_id from audit_log where object_id in ('sys-1', 'pub-1') order by 1`,
    );
    expect(rows.rows).to.deep.equal([
      { object_id: 'pub-1', actor_kind: 'public', actor_label: 'aanmelding', user_id: null },
      { object_id: 'sys-1', actor_kind: 'system', actor_label: 'import', user_id: null },
    ]);
  });

  it('stamps time and actor itself: the app role cannot backdate or forge an entry', async () => {
    await uow.run(actors.user(user), () =>
      currentManager().query(
        `insert into audit_log (municipality_id, occurred_at, user_id, actor_kind, action, object_type, object_id, request_id)
         values ($1, '2001-01-01', $2, 'system', 'read', 'case', 'forged', 'fake-request')`,
        [wijchen.id, otherUserId],
      ),
    );
    const row = (
      await db.admin.query(
        `select occurred_at, user_id, actor_kind, request_id from audit_log where object_id = 'forged'`,
      )
    ).rows[0];
    expect(row.user_id).to.equal(userId);
    expect(row.actor_kind).to.equal('user');
    expect(row.request_id).to.equal(null);
    expect(Date.now() - new Date(row.occurred_at).getTime()).to.be.lessThan(60_000);
  });

  it('is append-only for the application: no update, no delete', async () => {
    for (const sql of [`update audit_log set reason = 'gewist'`, `delete from audit_log`]) {
      let error: Error | undefined;
      try {
        await uow.run(actors.user(user), () => currentManager().query(sql));
      } catch (err) {
        error = err as Error;
      }
      expect(error?.message, sql).to.match(/permission denied/);
    }
  });

  it('refuses update and delete even to the owner', async () => {
    let error: Error | undefined;
    try {
      await db.admin.query(`update audit_log set reason = 'gewist'`);
    } catch (err) {
      error = err as Error;
    }
    expect(error?.message).to.match(/append-only/);
  });

  it('refuses an entry written outside a unit of work that says who acts', async () => {
    let error: Error | undefined;
    try {
      await db.admin.query(
        `insert into audit_log (municipality_id, action, object_type) values ($1, 'read', 'case')`,
        [wijchen.id],
      );
    } catch (err) {
      error = err as Error;
    }
    expect(error?.message).to.match(/no actor/);
  });
});
