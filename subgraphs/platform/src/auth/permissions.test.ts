import { authorize, can, PERMISSIONS, type Permission } from './permissions';
import type { Role } from './viewer';
import { ForbiddenError, UnauthenticatedError } from '../errors/domain-errors';

describe('role table', () => {
  it.each<[Role, Permission, boolean]>([
    ['ADMIN', 'user:write', true],
    ['ADMIN', 'host:register', true],
    ['ADMIN', 'cluster:write', true],
    ['OPERATOR', 'vm:create', true],
    ['OPERATOR', 'vm:power', true],
    ['OPERATOR', 'host:read', true],
    ['OPERATOR', 'host:drain', true],
    ['OPERATOR', 'storage:write', true],
    ['OPERATOR', 'network:write', true],
    ['OPERATOR', 'alert:acknowledge', true],
    ['OPERATOR', 'user:write', false],
    ['OPERATOR', 'project:write', false],
    ['OPERATOR', 'host:register', false],
    ['OPERATOR', 'cluster:write', false],
    ['VIEWER', 'vm:read', true],
    ['VIEWER', 'host:read', true],
    ['VIEWER', 'vm:create', false],
    ['VIEWER', 'vm:power', false],
    ['VIEWER', 'user:write', false],
    ['VIEWER', 'audit:read', false],
  ])('%s may %s: %s', (role, permission, expected) => {
    expect(can(role, permission)).toBe(expected);
  });

  it('gives ADMIN every permission and VIEWER nothing that writes', () => {
    for (const p of PERMISSIONS) expect(can('ADMIN', p)).toBe(true);
    for (const p of PERMISSIONS) if (!p.endsWith(':read')) expect(can('VIEWER', p)).toBe(false);
  });

  it('refuses an anonymous caller as unauthenticated, with the gateway reason', () => {
    expect(() => authorize({ viewer: null, authError: 'token expired' }, 'vm:read')).toThrow(UnauthenticatedError);
    expect(() => authorize({ viewer: null, authError: 'token expired' }, 'vm:read')).toThrow(/token expired/);
  });

  it('refuses a viewer without the permission as forbidden', () => {
    const viewer = { userId: 'u', username: 'v', role: 'VIEWER' as const };
    expect(() => authorize({ viewer, authError: null }, 'user:write')).toThrow(ForbiddenError);
    expect(authorize({ viewer, authError: null }, 'vm:read')).toBe(viewer);
  });
});
