import { ForbiddenError, UnauthenticatedError } from '../errors/domain-errors';
import type { RequestContext, Role, Viewer } from './viewer';

/**
 * Everything a caller can be allowed to do, as `resource:action`. Services name the
 * permission they need; this table alone says which role holds it.
 */
export const PERMISSIONS = [
  'vm:read', 'vm:create', 'vm:update', 'vm:delete', 'vm:power', 'vm:migrate', 'vm:snapshot',
  'affinity:read', 'affinity:write',
  'task:read', 'task:cancel',
  'host:read', 'host:register', 'host:update', 'host:cordon', 'host:drain', 'host:remove',
  'cluster:read', 'cluster:write', 'drs:read', 'drs:run', 'drs:approve',
  'storage:read', 'storage:write',
  'network:read', 'network:write',
  'alert:read', 'alert:acknowledge', 'alert:resolve', 'alertRule:read', 'alertRule:write',
  'project:read', 'project:write',
  'user:read', 'user:write',
  'audit:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ_INVENTORY: Permission[] = [
  'vm:read', 'affinity:read', 'task:read', 'host:read', 'cluster:read', 'drs:read',
  'storage:read', 'network:read', 'alert:read', 'alertRule:read', 'project:read',
];

/**
 * The role table (from the seed plan): ADMIN everything; OPERATOR runs VMs, reads and drains
 * hosts, manages storage, networks and alerts, but administers no users, projects, hosts'
 * membership or clusters; VIEWER reads inventory only. Users and the audit log hold
 * personal data (emails, client addresses), so VIEWER does not read them.
 */
export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  ADMIN: new Set(PERMISSIONS),
  OPERATOR: new Set<Permission>([
    ...READ_INVENTORY,
    'vm:create', 'vm:update', 'vm:delete', 'vm:power', 'vm:migrate', 'vm:snapshot',
    'affinity:write', 'task:cancel',
    'host:cordon', 'host:drain',
    'storage:write', 'network:write',
    'alert:acknowledge', 'alert:resolve',
    'user:read', 'audit:read',
  ]),
  VIEWER: new Set<Permission>(READ_INVENTORY),
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

/** The viewer, or UNAUTHENTICATED (with the gateway's reason when the token was bad). */
export function requireViewer(ctx: Pick<RequestContext, 'viewer' | 'authError'>): Viewer {
  if (ctx.viewer) return ctx.viewer;
  throw new UnauthenticatedError(ctx.authError ? `Not authenticated: ${ctx.authError}` : 'Not authenticated: log in and send the access token');
}

/** The viewer if it holds the permission; UNAUTHENTICATED or FORBIDDEN otherwise. */
export function authorize(ctx: Pick<RequestContext, 'viewer' | 'authError'>, permission: Permission): Viewer {
  const viewer = requireViewer(ctx);
  if (!can(viewer.role, permission)) {
    throw new ForbiddenError(`Role ${viewer.role} may not ${permission.replace(':', ' ')}`);
  }
  return viewer;
}
