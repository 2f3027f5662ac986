export type Role = 'ADMIN' | 'OPERATOR' | 'VIEWER';
export const ROLES: readonly Role[] = ['ADMIN', 'OPERATOR', 'VIEWER'];

/** The authenticated caller, as the gateway vouched for it. */
export interface Viewer {
  userId: string;
  username: string;
  role: Role;
}

/** What every subgraph resolver knows about the request, whatever the subgraph. */
export interface RequestContext {
  viewer: Viewer | null;
  /** Why the gateway could not authenticate the caller's token (expired, bad signature...). */
  authError: string | null;
  clientIp: string | null;
  requestId: string;
}
