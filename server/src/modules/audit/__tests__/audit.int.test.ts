import { expect } from 'chai';
import { createTestDatabase, type TestDatabase } from '../../../../test/database.ts';
import { createUser, municipality } from '../../../../test/factories.ts';
import { currentManager, TenantUnitOfWork } from '../../../db/unit-of-work.ts';
import { requestContext } from '../../../http/request-context.ts';
import { AuditRepository } from '../audit.repository.ts';
import { AuditService } from '../audit.service.ts';

describe('audit log', () => {
  let db: TestDatabase;
  let uow: TenantUnitOfWork;
  let wijchenId: string;
  let userId: string;

  before(async () => {
    db = await createTestDatabase();
    uow = new TenantUnitOfWork(db.dataSource);
    wijchenId = (await municipality(db.admin, 'GM0296')).id;
    userId = (await createUser(db.admin, wijchenId, { roles: ['caseworker'] })).id;
  });
  after(() => db.drop());

  const asUser = <T>(fn: () => Promise<T>) =>
    requestContext.run(
      {
        requestId: 'req-1',
        route: 'GET /api/v1/cases/42',
        user: {
          id: userId,
          subject: 's',
          name: 'n',
          email: null,
          municipalityId: wijchenId,
          municipalityCode: 'GM0296',
          roles: ['caseworker'],
        },
      },
      fn,
    );

  it('records who, municipality, what, which object, when, route and request', async () => {
    await asUser(() =>
      uow.run(() =>
        new AuditService().record({
          action: 'read',
          objectType: 'case',
          objectId: '42',
          reason: 'dossier',
        }),
      ),
    );
    const entries = await asUser(() =>
      uow.run(() => new AuditRepository().listForObject('case', '42')),
    );
    expect(entries).to.have.length(1);
    const entry = entries[0]!;
    expect(entry).to.include({
      municipalityId: wijchenId,
      userId,
      action: 'read',
      objectType: 'case',
      objectId: '42',
      route: 'GET /api/v1/cases/42',
      reason: 'dossier',
      requestId: 'req-1',
    });
    expect(Date.now() - entry.occurredAt.getTime()).to.be.lessThan(60_000);
  });

  it('is append-only for the application: no update, no delete', async () => {
    for (const sql of [`update audit_log set reason = 'gewist'`, `delete from audit_log`]) {
      let error: Error | undefined;
      try {
        await uow.runFor(wijchenId, () => currentManager().query(sql));
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

  it('does not record an entry outside a request with a user', async () => {
    let error: Error | undefined;
    try {
      await uow.runFor(wijchenId, () =>
        new AuditService().record({ action: 'read', objectType: 'case', objectId: '1' }),
      );
    } catch (err) {
      error = err as Error;
    }
    expect(error?.message).to.match(/No authenticated user/);
  });
});
