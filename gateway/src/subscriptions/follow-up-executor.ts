import type { ApolloServer } from '@apollo/server';
import type { RequestContext } from '../../../subgraphs/platform/src';
import type { FollowUp } from './follow-up';

type Data = Record<string, unknown> | null;

/**
 * Runs follow-up queries through the gateway's own Apollo pipeline (same authorization,
 * same subgraph fetches as HTTP). Identical follow-ups for the same object version and the
 * same role are run once and shared: a thousand dashboards watching one VM cost one query
 * per change, not a thousand.
 */
export class FollowUpExecutor {
  private readonly inflight = new Map<string, { at: number; result: Promise<Data> }>();

  constructor(private readonly apollo: ApolloServer<RequestContext>, private readonly ttlMs = 2000, private readonly maxEntries = 5000) {}

  run(q: FollowUp, ctx: RequestContext, event: { id: string; version: number }): Promise<Data> {
    const key = `${ctx.viewer?.role ?? 'anon'}|${event.id}|${event.version}|${q.text}|${JSON.stringify(q.variables)}`;
    const now = Date.now();
    const hit = this.inflight.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.result;
    const result = this.execute(q, ctx);
    this.inflight.set(key, { at: now, result });
    if (this.inflight.size > this.maxEntries) {
      for (const [k, v] of this.inflight) {
        if (now - v.at >= this.ttlMs || this.inflight.size > this.maxEntries) this.inflight.delete(k);
        else break;
      }
    }
    return result;
  }

  private async execute(q: FollowUp, ctx: RequestContext): Promise<Data> {
    const res = await this.apollo.executeOperation({ query: q.text, variables: q.variables }, { contextValue: { ...ctx } });
    if (res.body.kind !== 'single') return null;
    const { data, errors } = res.body.singleResult;
    // Any error (forbidden, gone, a subgraph down) means this subscriber does not get the
    // event; partial objects would mislead a dashboard.
    if (errors?.length) return null;
    return (data as Data) ?? null;
  }
}
