import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError } from 'graphql';
import { IDENTITY_HEADER, verifyIdentity } from '../auth/internal-token';
import { ErrorCode } from '../errors/error-codes';
import { formatError } from '../errors/format-error';
import type { RequestContext } from '../auth/viewer';
import type { Subgraph } from './subgraph';

export interface SubgraphServerOptions {
  subgraph: Subgraph;
  /** Secret shared with the gateway; requests without its signature are refused. */
  identitySecret: Uint8Array;
  host: string;
  /** 0 picks a free port (the embedded mode and tests). */
  port: number;
  /** Readiness of what the subgraph depends on (the database). */
  ready?: () => Promise<boolean>;
}

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** Serves one subgraph over HTTP at /graphql, with /health and /ready. */
export async function startSubgraphServer(opts: SubgraphServerOptions): Promise<RunningServer> {
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<RequestContext>({
    schema: opts.subgraph.schema,
    formatError: (formatted, error) => formatError(formatted, error),
    // Inline traces are for Apollo Studio, which we do not use; they also cost every request.
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginInlineTraceDisabled()],
    // Only the gateway calls subgraphs, with a signed identity; introspection stays on for it.
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    // The process's own shutdown stops servers in order; Apollo's signal handler would race it.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', subgraph: opts.subgraph.name });
  });
  app.get('/ready', async (_req, res) => {
    const ok = opts.ready ? await opts.ready().catch(() => false) : true;
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'not ready', subgraph: opts.subgraph.name });
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const header = req.headers[IDENTITY_HEADER];
        try {
          const base = await verifyIdentity(opts.identitySecret, Array.isArray(header) ? header[0] : header);
          return opts.subgraph.createContext(base);
        } catch {
          throw new GraphQLError('Requests must come through the gateway', {
            extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
          });
        }
      },
    }),
  );

  await new Promise<void>((resolve) => httpServer.listen(opts.port, opts.host, resolve));
  const { port } = httpServer.address() as AddressInfo;
  const host = opts.host === '0.0.0.0' ? '127.0.0.1' : opts.host;
  return {
    url: `http://${host}:${port}/graphql`,
    stop: async () => {
      await apollo.stop();
    },
  };
}
