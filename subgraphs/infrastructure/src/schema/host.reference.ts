import type { InfrastructureContext } from '../context';
import type { HostService } from '../services/host.service';

/** `_entities` for Host: one batched query per request through the hostById loader. */
export function hostReference(hosts: HostService) {
  return {
    __resolveReference: (ref: { id: string }, ctx: InfrastructureContext) => hosts.host(ctx, ref.id),
  };
}
