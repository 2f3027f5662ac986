// The ops subgraph: identity (users, login, tokens), projects and their quotas, alerts and
// the audit log.
import {
  buildFederatedSchema,
  instanceContainer,
  type AuditSink,
  type Database,
  type RequestContext,
  type Subgraph,
} from '../../platform/src';
import { DEFAULT_ACCESS_TOKEN_TTL_SECONDS } from './domain/access-token';
import { PasswordHasher } from './domain/password-hasher';
import { DEFAULT_REFRESH_TOKEN_TTL_SECONDS } from './domain/refresh-token';
import { AlertStorage } from './data/alert.storage';
import { AuditLogStorage } from './data/audit-log.storage';
import { createLoaders } from './data/loaders';
import { ProjectStorage } from './data/project.storage';
import { RefreshTokenStorage } from './data/refresh-token.storage';
import { UserStorage } from './data/user.storage';
import type { OpsContext } from './ops-context';
import { AlertResolver } from './resolvers/alert.resolver';
import { AuditLogResolver } from './resolvers/audit-log.resolver';
import { AuthResolver } from './resolvers/auth.resolver';
import { ProjectResolver } from './resolvers/project.resolver';
import { UserResolver } from './resolvers/user.resolver';
import { alertRuleReference } from './schema/alert-rule.reference';
import { alertReference } from './schema/alert.reference';
import { projectReference } from './schema/project.reference';
import { userReference } from './schema/user.reference';
import { AlertService } from './services/alert.service';
import { AuditLogService } from './services/audit-log.service';
import { AuthService } from './services/auth.service';
import { ProjectService } from './services/project.service';
import { UserService } from './services/user.service';

export {
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  verifyAccessToken,
} from './domain/access-token';
export { ensureBootstrapAdmin, type BootstrapAdminOptions, type BootstrapAdminResult } from './services/bootstrap-admin.service';
export type { OpsContext } from './ops-context';

export interface OpsDeps {
  db: Database;
  audit: AuditSink;
  /** HS256 key access tokens are signed with; the gateway verifies with the same. */
  jwtSecret: Uint8Array;
  /** Access token lifetime; default 900 (15 minutes). */
  accessTokenTtlSeconds?: number;
  /** Refresh token lifetime, renewed on each rotation; default 604800 (7 days). */
  refreshTokenTtlSeconds?: number;
  /** The clock; default `() => new Date()`. */
  now?: () => Date;
  /** bcrypt cost for new password hashes; default 10 (tests lower it). */
  bcryptRounds?: number;
}

export async function createOpsSubgraph(deps: OpsDeps): Promise<Subgraph<OpsContext>> {
  const { db } = deps;
  const hasher = new PasswordHasher(deps.bcryptRounds);
  const users = new UserStorage(db);
  const alerts = new AlertService(new AlertStorage(db));
  const projects = new ProjectService(new ProjectStorage(db));
  const userService = new UserService(users, hasher);
  const auth = new AuthService(users, new RefreshTokenStorage(db), hasher, {
    jwtSecret: deps.jwtSecret,
    accessTokenTtlSeconds: deps.accessTokenTtlSeconds ?? DEFAULT_ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlSeconds: deps.refreshTokenTtlSeconds ?? DEFAULT_REFRESH_TOKEN_TTL_SECONDS,
    now: deps.now ?? (() => new Date()),
  });

  const resolvers = [
    new AuthResolver(auth),
    new UserResolver(userService),
    new ProjectResolver(projects),
    new AlertResolver(alerts),
    new AuditLogResolver(new AuditLogService(new AuditLogStorage(db))),
  ];
  const schema = await buildFederatedSchema({
    resolvers: [AuthResolver, UserResolver, ProjectResolver, AlertResolver, AuditLogResolver],
    container: instanceContainer(resolvers),
    audit: deps.audit,
    references: {
      User: userReference(userService),
      Project: projectReference(projects),
      Alert: alertReference(alerts),
      AlertRule: alertRuleReference(alerts),
    },
  });

  return {
    name: 'ops',
    schema,
    createContext: (base: RequestContext): OpsContext => ({ ...base, loaders: createLoaders(db) }),
  };
}
