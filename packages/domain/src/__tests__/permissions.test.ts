import { expect } from 'chai';
import fc from 'fast-check';
import { ACTIONS, can, caseScope, PERMISSIONS, type Principal } from '../permissions.ts';
import { ROLES, type Role } from '../roles.ts';

const user = (roles: Role[], isCentre = false): Principal => ({ id: 'u1', roles, isCentre });
const assigned = { advisorId: 'u1' };
const unassigned = { advisorId: 'someone-else' };

describe('permissions', () => {
  it('an advisor changes only the cases assigned to them', () => {
    expect(can(user(['advisor']), 'case:write', assigned)).to.equal(true);
    expect(can(user(['advisor']), 'case:write', unassigned)).to.equal(false);
    expect(can(user(['advisor']), 'case:read', unassigned)).to.equal(false);
  });

  it('an advisor who is also a manager reads every case but changes only assigned ones', () => {
    const both = user(['advisor', 'manager']);
    expect(can(both, 'case:read', unassigned)).to.equal(true);
    expect(can(both, 'case:write', unassigned)).to.equal(false);
    expect(can(both, 'case:write', assigned)).to.equal(true);
    expect(caseScope(both, 'case:read')).to.equal('all');
    expect(caseScope(both, 'case:write')).to.equal('assigned');
  });

  it('the campaign is managed only by a coordinator of the centre municipality', () => {
    expect(can(user(['coordinator'], true), 'campaign:manage')).to.equal(true);
    expect(can(user(['coordinator'], false), 'campaign:manage')).to.equal(false);
    expect(can(user(['manager'], true), 'campaign:manage')).to.equal(false);
  });

  it('several roles give exactly the union of their grants on every object', () => {
    fc.assert(
      fc.property(
        fc.subarray([...ROLES], { minLength: 1 }),
        fc.constantFrom(...ACTIONS),
        fc.boolean(),
        fc.boolean(),
        (roles, action, isAssigned, isCentre) => {
          const object = isAssigned ? assigned : unassigned;
          const union = roles.some((r) => can(user([r], isCentre), action, object));
          expect(can(user(roles, isCentre), action, object)).to.equal(union);
        },
      ),
    );
  });

  it('every role appears in the table', () => {
    expect(Object.keys(PERMISSIONS).sort()).to.deep.equal([...ROLES].sort());
  });
});
