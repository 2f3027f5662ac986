import type http from 'node:http';
import { randomUUID } from 'node:crypto';
import { GraphQLError, parse, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import { WebSocketServer, type WebSocket } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { decodeJwt } from 'jose';
import type { RequestContext, Viewer } from '../../../subgraphs/platform/src';
import type { VerifyAccessToken } from '../auth/authenticate';
import { operationLimitsRule, type OperationLimits } from '../limits/operation-limits';

/** Close code for a refused or expired credential (graphql-ws uses 4403 for Forbidden). */
export const CLOSE_FORBIDDEN = 4403;

interface ConnectionState {
  viewer?: Viewer;
  expiryTimer?: NodeJS.Timeout;
}

export interface SubscriptionServerOptions {
  httpServer: http.Server;
  path: string;
  schema: () => GraphQLSchema;
  verifyAccessToken: VerifyAccessToken;
  limits: OperationLimits;
}

function tokenFrom(params: Readonly<Record<string, unknown>> | undefined): string | null {
  const raw = params?.authorization ?? params?.Authorization ?? params?.token;
  if (typeof raw !== 'string') return null;
  return raw.replace(/^Bearer\s+/i, '').trim() || null;
}

/**
 * graphql-ws on the gateway's own HTTP server and path. The access token travels in
 * connectionParams and is checked once on connect; the socket is closed when the token
 * expires. graphql-ws bypasses Apollo's pipeline, so the same depth/cost limits are applied
 * here in onSubscribe.
 */
export function startSubscriptionServer(opts: SubscriptionServerOptions): { close(): Promise<void> } {
  const wss = new WebSocketServer({ server: opts.httpServer, path: opts.path });
  const states = new WeakMap<object, ConnectionState>();
  const cleanup = useServer<Record<string, unknown>, { socket: WebSocket; request: http.IncomingMessage }>(
    {
      onConnect: async (ctx) => {
        const token = tokenFrom(ctx.connectionParams);
        if (!token) return false;
        try {
          const viewer = await opts.verifyAccessToken(token);
          const exp = decodeJwt(token).exp;
          const state: ConnectionState = { viewer };
          if (exp) {
            state.expiryTimer = setTimeout(() => ctx.extra.socket.close(CLOSE_FORBIDDEN, 'Access token expired'), Math.max(0, exp * 1000 - Date.now()));
            state.expiryTimer.unref();
          }
          states.set(ctx.extra, state);
          return true;
        } catch {
          return false;
        }
      },
      onClose: (ctx) => {
        clearTimeout(states.get(ctx.extra)?.expiryTimer);
      },
      onSubscribe: (ctx, _id, payload) => {
        const schema = opts.schema();
        let document;
        try {
          document = parse(payload.query);
        } catch (err) {
          return [err as GraphQLError];
        }
        const variables = payload.variables ?? {};
        const errors = validate(schema, document, [...specifiedRules, operationLimitsRule(opts.limits, variables)]);
        if (errors.length) return errors;
        const ops = document.definitions.filter((d) => d.kind === 'OperationDefinition');
        if (ops.some((d) => d.kind === 'OperationDefinition' && d.operation !== 'subscription')) {
          return [new GraphQLError('Only subscriptions are served over WebSocket; send queries and mutations over HTTP')];
        }
        const contextValue: RequestContext = {
          viewer: states.get(ctx.extra)?.viewer ?? null,
          authError: null,
          clientIp: ctx.extra.request.socket.remoteAddress ?? null,
          requestId: randomUUID(),
        };
        return { schema, document, variableValues: variables, operationName: payload.operationName ?? undefined, contextValue };
      },
    },
    wss,
  );
  return {
    close: async () => {
      await cleanup.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
