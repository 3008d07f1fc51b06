import { can, caseScope, isOpen, type Action } from '@herorientatie/domain';
import { principalOf, type UserActor } from '../../context/actor.ts';
import { Forbidden, InvalidTransition, NotFound } from '../../errors.ts';
import { CasesRepository, type CaseRow, type CaseScope } from './cases.repository.ts';

export const NOT_OPEN =
  'Het dossier is afgesloten of teruggetrokken. Heropen het eerst om dit te wijzigen.';

/**
 * The one way into a case for every module that hangs off one (records, documents,
 * referrals, costs): which cases an actor reaches, loading one with or without a lock, and
 * whether it is still open. No module reaches into the cases repository itself.
 */
export class CaseAccess {
  constructor(private readonly cases = new CasesRepository()) {}

  /** Which cases a list or count shows the actor for an action. */
  scope(actor: UserActor, action: Action = 'case:read'): CaseScope {
    const scope = caseScope(principalOf(actor.user), action);
    if (scope === 'none') throw new Forbidden();
    return { userId: actor.user.id, assignedOnly: scope === 'assigned' };
  }

  /** A case the actor may read; a case out of reach is as unknown as a missing one. */
  async read(actor: UserActor, id: string): Promise<CaseRow> {
    const row = await this.cases.find(id, this.scope(actor, 'case:read'));
    if (!row) throw new NotFound('Het dossier');
    return row;
  }

  /**
   * A case the actor may change, locked until the unit of work ends. With `mustBeOpen`
   * (the default) a closed or withdrawn case is refused.
   */
  async write(
    actor: UserActor,
    id: string,
    options: { mustBeOpen?: boolean; action?: Action } = {},
  ): Promise<CaseRow> {
    const row = await this.cases.find(id, this.scope(actor, 'case:read'), true);
    if (!row) throw new NotFound('Het dossier');
    const action = options.action ?? 'case:write';
    if (!can(principalOf(actor.user), action, { advisorId: row.advisor_id })) {
      throw new Forbidden(
        action === 'case:write'
          ? 'U kunt dit dossier inzien maar niet wijzigen: het is niet aan u toegewezen.'
          : undefined,
      );
    }
    if (options.mustBeOpen !== false) assertOpen(row);
    return row;
  }
}

/** Refuses a change to a closed or withdrawn case. */
export function assertOpen(row: CaseRow): void {
  if (!isOpen(row.status)) throw new InvalidTransition(NOT_OPEN);
}

/**
 * The `authorize` of a route that changes something on the case `{id}`: checked before
 * the change and again before an idempotent replay, so a user who lost the case (handed
 * over, unassigned) cannot fetch an earlier answer with its key.
 */
export function mayWriteCase(action: Action = 'case:write', access = new CaseAccess()) {
  return async ({ actor, params }: { actor: UserActor; params: { id: string } }) => {
    await access.write(actor, params.id, { mustBeOpen: false, action });
  };
}
