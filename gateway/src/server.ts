import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway } from '@apollo/gateway';
import type { GraphQLSchema } from 'graphql';
import { formatError, type EventBus, type SubgraphName } from '../../subgraphs/platform/src';
import { buildSubscriptionSchema } from './subscriptions/subscription-schema';
import { FollowUpExecutor } from './subscriptions/follow-up-executor';
import { startSubscriptionServer } from './subscriptions/subscription-server';
import { authenticate, type VerifyAccessToken } from './auth/authenticate';
import { IdentityDataSource } from './supergraph/identity-data-source';
import { operationLimitsPlugin } from './limits/limits.plugin';
import type { OperationLimits } from './limits/operation-limits';
import { mountGraphiQL, wantsGraphiQL } from './http/graphiql';
import type { GatewayContext } from './gateway-context';

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, string>;
}

export interface GatewayOptions {
  host: string;
  port: number;
  supergraphSdl: string;
  /** Where each subgraph answers (overrides the routing URLs composed into the supergraph). */
  subgraphUrls: Partial<Record<SubgraphName, string>>;
  identitySecret: Uint8Array;
  verifyAccessToken: VerifyAccessToken;
  limits: OperationLimits;
  production: boolean;
  readiness: () => Promise<ReadinessReport>;
  /** Where change events arrive; subscriptions are served over graphql-ws from it. */
  events: EventBus;
}

export interface RunningGateway {
  url: string;
  port: number;
  httpServer: http.Server;
  stop(): Promise<void>;
}

/** The public edge: one HTTP server for GraphQL, GraphiQL, /health and /ready. */
export async function startGateway(opts: GatewayOptions): Promise<RunningGateway> {
  const gateway = new ApolloGateway({
    supergraphSdl: opts.supergraphSdl,
    buildService: ({ name, url }) => {
      const target = opts.subgraphUrls[name as SubgraphName] ?? url;
      if (!target) throw new Error(`no URL for subgraph ${name}`);
      return new IdentityDataSource(target, opts.identitySecret);
    },
  });
  let apiSchema: GraphQLSchema | null = null;
  gateway.onSchemaLoadOrUpdate(({ apiSchema: s }) => {
    apiSchema = s;
    subscriptionSchema = null;
  });
  let subscriptionSchema: GraphQLSchema | null = null;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: (formatted, error) => formatError(formatted, error),
    introspection: !opts.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    // The process's own shutdown stops servers in order; Apollo's signal handler would race it.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      operationLimitsPlugin<GatewayContext>(opts.limits),
    ],
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const report = await opts.readiness().catch((err: unknown) => ({ ready: false, checks: { error: String(err) } }));
    res.status(report.ready ? 200 : 503).json(report);
  });
  const graphiql = opts.production ? null : mountGraphiQL(app);
  app.use('/graphql', (req, res, next) => {
    if (graphiql && wantsGraphiQL(req)) {
      res.type('html').send(graphiql.html);
      return;
    }
    next();
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<GatewayContext> => {
        const caller = await authenticate(req.headers.authorization, opts.verifyAccessToken);
        return { ...caller, clientIp: req.ip ?? req.socket.remoteAddress ?? null, requestId: randomUUID() };
      },
    }),
  );

  // Anything thrown outside GraphQL (a static asset, a health probe) answers a bare 500: no
  // stack traces or paths to clients.
  app.use((err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    console.error('[gateway] request failed:', err);
    if (!res.headersSent) res.status(500).json({ error: 'internal error' });
  });

  const followUps = new FollowUpExecutor(apollo);
  const subscriptions = startSubscriptionServer({
    httpServer,
    path: '/graphql',
    verifyAccessToken: opts.verifyAccessToken,
    limits: opts.limits,
    schema: () => {
      if (!apiSchema) throw new Error('gateway schema not loaded');
      subscriptionSchema ??= buildSubscriptionSchema(apiSchema, opts.events, followUps);
      return subscriptionSchema;
    },
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(opts.port, opts.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const shownHost = opts.host === '0.0.0.0' ? 'localhost' : opts.host;
  return {
    url: `http://${shownHost}:${port}/graphql`,
    port,
    httpServer,
    stop: async () => {
      await subscriptions.close();
      await apollo.stop();
    },
  };
}
