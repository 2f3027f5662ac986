import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { IDENTITY_HEADER, signIdentity } from '../../../subgraphs/platform/src';
import type { GatewayContext } from '../gateway-context';

/**
 * Sends each subgraph fetch with the gateway's signed identity assertion. Whatever identity
 * headers the client sent are never forwarded: subgraphs trust only this signature.
 */
export class IdentityDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, private readonly secret: Uint8Array) {
    super({ url });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const ctx = context as Partial<GatewayContext>;
    const assertion = await signIdentity(this.secret, {
      viewer: ctx.viewer ?? null,
      authError: ctx.authError ?? null,
      clientIp: ctx.clientIp ?? null,
      requestId: ctx.requestId ?? 'internal',
    });
    request.http?.headers.set(IDENTITY_HEADER, assertion);
  }
}
