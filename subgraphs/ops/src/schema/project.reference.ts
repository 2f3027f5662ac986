import type { ProjectService } from '../services/project.service';
import type { OpsContext } from '../ops-context';

/** Resolves Project references from other subgraphs, batched by the request's DataLoader. */
export function projectReference(service: ProjectService) {
  return { __resolveReference: (ref: { id: string }, ctx: OpsContext) => service.byId(ctx, ref.id) };
}
