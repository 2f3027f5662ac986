import type { AgentConnector, AgentHostInfo } from '../../../../agents-client/src';
import {
  authorize,
  ConflictError,
  InputError,
  NotFoundError,
  pageRequest,
  parseInput,
  UniqueViolation,
  type ChangePublisher,
  type Connection,
  type Coordination,
  type PageArgs,
} from '../../../platform/src';
import { allocatableOf, DEFAULT_OVERCOMMIT, type Host, type HostQuery, type OvercommitRatios, type Resources } from '../domain/host';
import { newHostFrom, reportProblem } from '../domain/host-registration';
import type { HostStorage } from '../data/host.storage';
import type { InfrastructureContext } from '../context';
import { hostChangedEvent } from './host-events';
import { hostIdSchema, registerHostSchema } from './host-input.schema';
import { isUuid } from './ids';
import type { Logger } from './logger';

const EMPTY: Connection<Host> = { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };

const ADDRESS_FIELD = ['input', 'agentAddress'];

/** What host registration reaches beyond the database. Held by reference: see index.ts. */
export interface HostServiceDeps {
  agents: AgentConnector;
  coordination: Pick<Coordination, 'leases'>;
  publisher: ChangePublisher;
  log: Logger;
}

/** Reading hosts, registering them (dialing their agents) and cordoning them. */
export class HostService {
  constructor(
    private readonly storage: HostStorage,
    private readonly deps: HostServiceDeps,
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

  /**
   * Registers the host whose agent answers at `agentAddress`: dials it over mutual TLS (the
   * connector holds the certificates and deadlines), asks who it is, and stores it READY with
   * its first heartbeat lease. Nothing is written unless the agent answered.
   */
  async register(ctx: InfrastructureContext, input: unknown): Promise<{ host: Host }> {
    authorize(ctx, 'host:register');
    const data = parseInput(registerHostSchema, input);
    const address = data.agentAddress;
    const clusterId = data.clusterId ?? null;
    if (clusterId !== null && !(isUuid(clusterId) && (await ctx.loaders.clusterById.load(clusterId)))) {
      throw new NotFoundError(`no cluster with id ${clusterId}`, { field: ['input', 'clusterId'] });
    }
    const known = await this.storage.findByAddressOrHostname(address);
    if (known) throw new ConflictError(`host ${known.hostname} (${known.id}) is already registered at ${address}`, { field: ADDRESS_FIELD });

    // The client is kept on success: the host monitor follows the host over the same connection.
    const client = this.deps.agents.connect(address);
    let report: AgentHostInfo;
    try {
      report = await client.hostInfo();
    } catch (err) {
      client.close();
      const why = err instanceof Error ? err.message : String(err);
      throw new InputError(`could not reach or verify the agent at ${address}: ${why}`, { field: ADDRESS_FIELD, cause: err });
    }
    const problem = reportProblem(report);
    if (problem) {
      client.close();
      throw new InputError(`the agent at ${address} cannot be registered: ${problem}`, { field: ADDRESS_FIELD });
    }

    let host: Host;
    try {
      const sameName = await this.storage.findByAddressOrHostname(address, report.hostname);
      if (sameName) throw new UniqueViolation(sameName.agentAddress === address ? 'agent_address' : 'hostname');
      const request = { agentAddress: address, clusterId, labels: labelMap(data.labels) };
      host = await this.storage.insert(newHostFrom(report, request, this.overcommit, new Date()));
    } catch (err) {
      if (!(err instanceof UniqueViolation)) throw err;
      client.close();
      throw new ConflictError(
        err.column === 'hostname'
          ? `the agent at ${address} reports hostname ${report.hostname}, which another host already has`
          : `a host is already registered at ${address}`,
        { field: ADDRESS_FIELD },
      );
    }

    // The first beat starts the failure clock; if it cannot be recorded, the host's first
    // heartbeat through the monitor grants the lease instead.
    // Not awaited: an unreachable coordination service must not hold up the answer.
    this.deps.coordination.leases.beat(host.id).catch((err: unknown) => {
      this.deps.log.warn(`host ${host.hostname} (${host.id}): first heartbeat lease not granted: ${String(err)}`);
    });
    void this.deps.publisher.host(hostChangedEvent('CREATED', host));
    this.deps.log.info(`registered host ${host.hostname} (${host.id}) at ${address}`);
    return { host };
  }

  /** Cordons (false) or uncordons (true) a host: the scheduler places nothing new on a cordoned host. */
  async setSchedulable(ctx: InfrastructureContext, input: unknown, schedulable: boolean): Promise<{ host: Host }> {
    authorize(ctx, 'host:cordon');
    const { id } = parseInput(hostIdSchema, input);
    const notFound = new NotFoundError(`no host with id ${id}`, { field: ['input', 'id'] });
    if (!isUuid(id)) throw notFound;
    const result = await this.storage.setSchedulable(id, schedulable);
    if (!result) throw notFound;
    if (result.changed) void this.deps.publisher.host(hostChangedEvent('UPDATED', result.host));
    return { host: result.host };
  }
}

function labelMap(labels: readonly { key: string; value: string }[] | null | undefined): Record<string, string> {
  return Object.fromEntries((labels ?? []).map(({ key, value }) => [key, value]));
}
