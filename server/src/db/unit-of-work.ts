import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';
import { requestContext } from '../http/request-context.ts';

interface Scope {
  municipalityId: string;
  manager: EntityManager;
}

const scope = new AsyncLocalStorage<Scope>();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class MissingTenantError extends Error {
  constructor() {
    super('Tenant data was accessed outside a tenant unit of work');
  }
}

/**
 * The one place that opens transactions on tenant data. Each unit of work is one
 * transaction that first sets `app.municipality_id` transaction-locally, so row-level
 * security applies and a pooled connection never carries a tenant into the next use.
 */
export class TenantUnitOfWork {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` for the municipality of the logged-in user. */
  run<T>(work: () => Promise<T>): Promise<T> {
    const user = requestContext.get()?.user;
    if (!user) throw new MissingTenantError();
    return this.runFor(user.municipalityId, work);
  }

  /** Runs `work` for an explicit municipality (login, seeding, background jobs). */
  async runFor<T>(municipalityId: string, work: () => Promise<T>): Promise<T> {
    if (!UUID.test(municipalityId)) throw new MissingTenantError();
    if (scope.getStore()) throw new Error('Units of work do not nest');
    return this.dataSource.transaction(async (manager) => {
      // eslint-disable-next-line no-restricted-syntax -- the one place that sets the tenant
      await manager.query(`select set_config('app.municipality_id', $1, true)`, [municipalityId]);
      return scope.run({ municipalityId, manager }, work);
    });
  }
}

/** The transaction of the current unit of work; throws outside one (fail closed). */
export function currentManager(): EntityManager {
  const current = scope.getStore();
  if (!current) throw new MissingTenantError();
  return current.manager;
}

/** The municipality of the current unit of work. */
export function currentMunicipalityId(): string {
  const current = scope.getStore();
  if (!current) throw new MissingTenantError();
  return current.municipalityId;
}
