import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabaseTarget } from '../subgraphs/platform/src/testing/test-database';
import { loadGatewayConfig } from '../gateway/src/config';
import { startControlPlane, type ControlPlane } from '../gateway/src/control-plane';

export const ADMIN_PASSWORD = 'admin-password-for-tests';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string } & Record<string, unknown> }>;
}

export interface TestClient {
  url: string;
  cp: ControlPlane;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  login(username: string, password: string): Promise<string>;
  adminToken(): Promise<string>;
  /** Creates a user of the role and returns its access token. */
  userToken(role: 'ADMIN' | 'OPERATOR' | 'VIEWER'): Promise<string>;
  /** Stops the control plane and starts a new one on the same database (a control-plane restart). */
  restart(): Promise<void>;
  /** Another gateway replica (role gateway) in front of the same subgraphs, database and bus. */
  startGatewayReplica(): Promise<{ url: string; stop(): Promise<void> }>;
  stop(): Promise<void>;
}

const quiet = { info: () => undefined, warn: () => undefined };

/**
 * Services the integration tests run against: PGlite and in-process adapters by default; the
 * real PostgreSQL, Redis and etcd when TEST_DATABASE_URL, TEST_REDIS_URL and
 * TEST_ETCD_ENDPOINTS are set (CI sets all three).
 */
function serviceEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  if (process.env.TEST_REDIS_URL) env.REDIS_URL = process.env.TEST_REDIS_URL;
  if (process.env.TEST_ETCD_ENDPOINTS) env.ETCD_ENDPOINTS = process.env.TEST_ETCD_ENDPOINTS;
  return env;
}

/** Settings that keep simulated hosts and loops fast in tests (overridable per test file). */
const FAST = {
  LQ_DEMO_HOSTS: '0',
  LQ_SIM_BASE_PORT: '0',
  LQ_SIM_LATENCY_SCALE: '0.05',
  LQ_HEARTBEAT_INTERVAL_MS: '200',
  LQ_HOST_FAILURE_THRESHOLD: '3',
  LQ_RECONCILE_INTERVAL_MS: '500',
  LQ_AGENT_DEADLINE_MS: '2000',
};

/** A whole control plane on port 0 with its own fresh database, driven over HTTP like a client. */
export async function startTestControlPlane(env: Record<string, string> = {}): Promise<TestClient> {
  const db = await createTestDatabaseTarget();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lq-cp-'));
  // Each control plane gets its own namespace in the shared etcd and Redis, so test files
  // running at once neither share leaders nor see each other's events.
  const namespace = `t${process.pid}${Math.random().toString(36).slice(2, 8)}`;
  const config = loadGatewayConfig({
    LQ_PORT: '0', LQ_HOST: '127.0.0.1', LQ_ADMIN_PASSWORD: ADMIN_PASSWORD, NODE_ENV: 'test',
    LQ_DATA_DIR: dataDir, LQ_NAMESPACE: namespace,
    ...FAST, ...serviceEnv(), ...db.env, ...env,
  });
  let cp = await startControlPlane(config, 'all', quiet);
  let url = `http://127.0.0.1:${cp.gateway.port}/graphql`;
  let admin: string | undefined;
  let seq = 0;

  const gql: TestClient['gql'] = async (query, variables, token, headers) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as Omit<GraphQLResponse, 'status'>;
    return { status: res.status, ...body } as GraphQLResponse<never>;
  };
  const login = async (username: string, password: string) => {
    const res = await gql<{ login: { accessToken: string | null; userErrors: { message: string }[] } }>(
      'mutation($i: LoginInput!) { login(input: $i) { accessToken userErrors { message } } }',
      { i: { username, password } },
    );
    const token = res.data?.login.accessToken;
    if (!token) throw new Error(`login failed: ${JSON.stringify(res)}`);
    return token;
  };
  const client: TestClient = {
    get url() {
      return url;
    },
    get cp() {
      return cp;
    },
    gql,
    login,
    adminToken: async () => (admin ??= await login('admin', ADMIN_PASSWORD)),
    userToken: async (role) => {
      const username = `${role.toLowerCase()}-${process.pid}-${++seq}`;
      const password = `${username}-password`;
      const res = await gql<{ createUser: { userErrors: unknown[] } }>(
        'mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } userErrors { message } } }',
        { i: { username, email: `${username}@example.test`, password, role } },
        await client.adminToken(),
      );
      if (res.data?.createUser.userErrors.length !== 0) throw new Error(`createUser failed: ${JSON.stringify(res)}`);
      return login(username, password);
    },
    restart: async () => {
      await cp.stop();
      cp = await startControlPlane(config, 'all', quiet);
      url = `http://127.0.0.1:${cp.gateway.port}/graphql`;
      admin = undefined;
    },
    startGatewayReplica: async () => {
      const urls = Object.entries(cp.subgraphUrls).map(([name, u]) => `${name}=${u}`).join(',');
      const replica = await startControlPlane({ ...config, subgraphUrls: loadGatewayConfig({ LQ_SUBGRAPH_URLS: urls }).subgraphUrls }, 'gateway', quiet);
      return { url: `http://127.0.0.1:${replica.gateway.port}/graphql`, stop: () => replica.stop() };
    },
    stop: async () => {
      await cp.stop();
      await db.cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return client;
}
