import { seedCrux } from '../../src/emulators/crux/crux-seed';
import { organizationName } from '../../src/emulators/shared-names';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?Z$/;

describe('seedCrux', () => {
  it('is deterministic for a seed and size, and differs across seeds', () => {
    expect(seedCrux({ seed: 5, size: 30 })).toEqual(seedCrux({ seed: 5, size: 30 }));
    expect(seedCrux({ seed: 6, size: 30 })).not.toEqual(seedCrux({ seed: 5, size: 30 }));
  });

  it('only appends when size grows', () => {
    const small = seedCrux({ seed: 9, size: 5 });
    const large = seedCrux({ seed: 9, size: 40 });
    expect(large.connections.slice(0, 5)).toEqual(small.connections);
    expect(large.users.slice(0, small.users.length)).toEqual(small.users);
    expect(large.permissions).toEqual(small.permissions);
  });

  it('names your organization and the partners from the shared names', () => {
    const data = seedCrux({ seed: 1, size: 4 });
    expect(data.organization.name).toBe(organizationName(0));
    expect(data.organization.org_type).toBe('RETAILER');
    expect(data.partners.map((p) => p.name)).toEqual([1, 2, 3, 4].map(organizationName));
    expect(data.partners.every((p) => p.org_type === 'SUPPLIER')).toBe(true);
  });

  it('has max(3, ceil(size / 2)) users, the first one allowed everything', () => {
    expect(seedCrux({ seed: 1, size: 1 }).users).toHaveLength(3);
    const data = seedCrux({ seed: 1, size: 11 });
    expect(data.users).toHaveLength(6);
    expect(data.users[0].status).toBe('ACTIVE');
    expect(data.users[0].permission_assignments.permissions.every((p) => p.assigned)).toBe(true);
    expect(data.users[0].person.email).toBe('ada.lovelace@acme.example.com');
  });

  it('uses the same permission objects everywhere', () => {
    const data = seedCrux({ seed: 3, size: 20 });
    for (const user of data.users) {
      const listed = user.permission_assignments.permissions.map((p) => p.permission);
      expect(listed).toEqual(data.permissions);
      expect(user.permission_assignments.org_user.uuid).toBe(user.uuid);
    }
    expect(new Set(data.permissions.map((p) => p.uuid)).size).toBe(data.permissions.length);
  });

  it('spreads statuses and nulls the way real accounts do', () => {
    const data = seedCrux({ seed: 42, size: 300 });
    const orgStatuses = new Set(data.partners.map((p) => p.status));
    expect([...orgStatuses].sort()).toEqual(['ACTIVE', 'DEACTIVATED', 'PENDING']);
    const connectionStatuses = new Set(data.connections.map((c) => c.status));
    expect([...connectionStatuses].sort()).toEqual([
      'ACTIVE',
      'CONFIRMATION WAITING',
      'DEACTIVATED',
    ]);
    expect(new Set(data.users.map((u) => u.status)).size).toBe(3);

    const active = data.connections.filter((c) => c.status === 'ACTIVE').length;
    expect(active).toBeGreaterThan(data.connections.length / 2);
    expect(data.partners.some((p) => p.account_manager === null)).toBe(true);
    expect(data.connections.some((c) => c.account_manager === null)).toBe(true);
    expect(data.users.some((u) => u.person.phone === null)).toBe(true);
    expect(data.users.some((u) => u.person.job_title === null)).toBe(true);
    expect(new Set(data.partners.map((p) => p.account_manager?.uuid ?? null)).size).toBe(4);

    for (const partner of data.partners) {
      expect(partner.created_date).toMatch(TIMESTAMP);
      if (partner.status === 'PENDING') expect(partner.active_date).toBeNull();
      else expect(partner.active_date).toMatch(TIMESTAMP);
      expect(partner.website).toMatch(/^(https:\/\/)?(www\.)?[a-z0-9-]+\.example\.com$/);
    }
    expect(data.partners.some((p) => p.website.startsWith('https://'))).toBe(true);
    expect(data.partners.some((p) => p.website.startsWith('www.'))).toBe(true);
  });

  it('keeps a connection no further along than its partner organization', () => {
    const data = seedCrux({ seed: 8, size: 200 });
    data.connections.forEach((connection, i) => {
      const partner = data.partners[i];
      expect(connection.supplier.organization).toBe(partner);
      if (partner.status === 'PENDING') expect(connection.status).toBe('CONFIRMATION WAITING');
      if (partner.status === 'DEACTIVATED') expect(connection.status).toBe('DEACTIVATED');
    });
  });

  it('keeps emails unique and phones within 20 characters at large sizes', () => {
    const data = seedCrux({ seed: 2, size: 2000 });
    expect(data.connections).toHaveLength(2000);
    expect(data.users).toHaveLength(1000);
    expect(new Set(data.users.map((u) => u.person.email)).size).toBe(1000);
    const phones = [
      ...data.users.map((u) => u.person.phone),
      ...data.connections.map((c) => c.supplier.contact.phone),
    ].filter((phone): phone is string => phone !== null);
    expect(Math.max(...phones.map((phone) => phone.length))).toBeLessThanOrEqual(20);
  });
});
