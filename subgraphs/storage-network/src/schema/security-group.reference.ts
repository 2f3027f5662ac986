import type { SecurityGroupService } from '../services/security-group.service';
import type { StorageNetworkContext } from '../services/context';
import type { SecurityGroupRecord } from '../domain/security-group';

/** Resolves `_entities` representations of SecurityGroup through the per-request DataLoader. */
export function securityGroupReference(service: SecurityGroupService) {
  return {
    __resolveReference: (ref: { id: string }, ctx: StorageNetworkContext): Promise<SecurityGroupRecord | null> => service.byId(ctx, ref.id),
  };
}
