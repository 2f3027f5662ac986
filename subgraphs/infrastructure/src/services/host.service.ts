import { authorize, pageRequest, type Connection, type PageArgs } from '../../../platform/src';
import { allocatableOf, DEFAULT_OVERCOMMIT, type Host, type HostQuery, type OvercommitRatios, type Resources } from '../domain/host';
import type { HostStorage } from '../data/host.storage';
import type { InfrastructureContext } from '../context';
import { isUuid } from './ids';

const EMPTY: Connection<Host> = { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };

/** Reading hosts; registration, cordon and drain join it in the next issue. */
export class HostService {
  constructor(
    private readonly storage: HostStorage,
    /** Overcommit in force for hosts registered or refreshed now; default 2.0 CPU, 1.5 memory. */
    private readonly overcommit: OvercommitRatios = DEFAULT_OVERCOMMIT,
  ) {
    // A bad ratio is a configuration bug: fail at start-up, not at the first registration.
    allocatableOf({ vcpus: 1, memoryMib: 1 }, overcommit);
  }

  /** The host, or null when it does not exist (or the id is not a uuid). */
  async host(ctx: InfrastructureContext, id: string): Promise<Host | null> {
    authorize(ctx, 'host:read');
    return isUuid(id) ? ctx.loaders.hostById.load(id) : null;
  }

  /** A page of hosts matching every part of the filter, in (createdAt, id) order. */
  async hosts(ctx: InfrastructureContext, query: HostQuery, page: PageArgs): Promise<Connection<Host>> {
    authorize(ctx, 'host:read');
    const req = pageRequest(page);
    // No host can belong to a cluster whose id is not a uuid.
    if (query.clusterId !== undefined && !isUuid(query.clusterId)) return EMPTY;
    return this.storage.page(query, req);
  }

  /** What a host of this capacity may be promised under the configured overcommit. */
  allocatableFor(capacity: Resources): Resources {
    return allocatableOf(capacity, this.overcommit);
  }
}
