import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../context/actor.ts';
import { requestContext } from '../context/request-context.ts';

interface Scope {
  actor: Actor;
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
 * The one place that opens transactions on tenant and region data. Each unit of work is one
 * transaction that first sets, transaction-locally, who acts: the municipality and region
 * (row-level security), the user and roles (region write policies, audit), the actor kind
 * and the request (audit). A pooled connection never carries any of it into the next use.
 */
export class TenantUnitOfWork {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` as `actor` in one transaction. */
  async run<T>(actor: Actor, work: () => Promise<T>): Promise<T> {
    // Partner staff act in no municipality: row-level security then shows them only what a
    // partner policy allows (the referrals addressed to their organisation).
    const partnerId = actor.kind === 'user' ? actor.user.partnerId : undefined;
    const partner = partnerId !== undefined && UUID.test(partnerId) && actor.municipalityId === '';
    if ((!partner && !UUID.test(actor.municipalityId)) || !UUID.test(actor.regionId)) {
      throw new MissingTenantError();
    }
    if (scope.getStore()) throw new Error('Units of work do not nest');
    const context = requestContext.get();
    const settings: Record<string, string> = {
      'app.municipality_id': actor.municipalityId,
      'app.region_id': actor.regionId,
      'app.actor': partner ? 'partner' : actor.kind,
      'app.user_id': actor.kind === 'user' && !partner ? actor.user.id : '',
      'app.partner_id': partner ? partnerId : '',
      'app.roles': actor.kind === 'user' ? actor.user.roles.join(',') : '',
      'app.actor_label': actor.kind === 'user' ? (partner ? actor.user.name : '') : actor.label,
      'app.request_id': context?.requestId ?? '',
      'app.client_request_id': context?.clientRequestId ?? '',
      'app.route': context?.route ?? '',
    };
    return this.dataSource.transaction(async (manager) => {
      // eslint-disable-next-line no-restricted-syntax -- the one place that sets who acts
      await manager.query(`select set_config(key, value, true) from json_each_text($1::json)`, [
        JSON.stringify(settings),
      ]);
      return scope.run({ actor, manager }, work);
    });
  }
}

/** The transaction of the current unit of work; throws outside one (fail closed). */
export function currentManager(): EntityManager {
  const current = scope.getStore();
  if (!current) throw new MissingTenantError();
  return current.manager;
}

/** Who acts in the current unit of work. */
export function currentActor(): Actor {
  const current = scope.getStore();
  if (!current) throw new MissingTenantError();
  return current.actor;
}

/** The municipality of the current unit of work. */
export function currentMunicipalityId(): string {
  return currentActor().municipalityId;
}

/** The region of the current unit of work. */
export function currentRegionId(): string {
  return currentActor().regionId;
}
