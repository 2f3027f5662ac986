import type { UserService } from '../services/user.service';
import type { OpsContext } from '../ops-context';

/** Resolves User references from other subgraphs, batched by the request's DataLoader. */
export function userReference(service: UserService) {
  return { __resolveReference: (ref: { id: string }, ctx: OpsContext) => service.byId(ctx, ref.id) };
}
