import type { AlertService } from '../services/alert.service';
import type { OpsContext } from '../ops-context';

/** Resolves Alert references from other subgraphs, batched by the request's DataLoader. */
export function alertReference(service: AlertService) {
  return { __resolveReference: (ref: { id: string }, ctx: OpsContext) => service.byId(ctx, ref.id) };
}
