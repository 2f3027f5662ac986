import type { AlertService } from '../services/alert.service';
import type { OpsContext } from '../ops-context';

/** Resolves AlertRule references from other subgraphs, batched by the request's DataLoader. */
export function alertRuleReference(service: AlertService) {
  return { __resolveReference: (ref: { id: string }, ctx: OpsContext) => service.ruleById(ctx, ref.id) };
}
