import { mapUsers } from '../../src/providers/crux/crux-mapper';
import type { CruxPermission, CruxUser } from '../../src/providers/crux/crux.schemas';

const permission = (uuid: string, name: string): CruxPermission => ({
  uuid,
  name,
  display_name: name.toUpperCase(),
  description: null,
  visibility: 'BOTH',
  grouping: 'orders',
});

const user = (uuid: string, permissions: CruxPermission[]): CruxUser => ({
  uuid,
  person: { uuid: `p-${uuid}`, first_name: 'Ada', last_name: uuid },
  permission_assignments: {
    permissions: permissions.map((p, i) => ({ assigned: i === 0, permission: p })),
  },
  status: 'ACTIVE',
});

describe('Crux user listing mapping', () => {
  it('maps a permission listed in every user once, and as each user lists it', () => {
    const read = permission('perm-1', 'read_orders');
    const write = permission('perm-2', 'write_orders');
    const [ada, bob] = mapUsers([
      user('u1', [read, write]),
      user('u2', [{ ...read }, { ...write, display_name: 'Write orders (renamed)' }]),
    ]);
    const [adaRead, adaWrite] = ada.permissionAssignments.map((a) => a.permission);
    const [bobRead, bobWrite] = bob.permissionAssignments.map((a) => a.permission);
    expect(bobRead).toBe(adaRead);
    expect(adaWrite.displayName).toBe('WRITE_ORDERS');
    expect(bobWrite.displayName).toBe('Write orders (renamed)');
    expect(bobWrite.id).toBe(adaWrite.id);
    expect(ada.permissionAssignments.map((a) => a.assigned)).toEqual([true, false]);
    expect(adaRead).toMatchObject({ key: 'perm-1', name: 'read_orders', visibility: 'BOTH' });
  });
});
