import type { Coordination } from './coordination';
import { createEtcdCoordination } from './etcd-coordination';
import { createInProcessCoordination } from './in-process-coordination';

export * from './coordination';
export { createInProcessCoordination } from './in-process-coordination';
export { createEtcdCoordination } from './etcd-coordination';

/**
 * etcd when endpoints are configured, in-process otherwise. etcd leases are whole seconds
 * (and etcd will not grant below about 2 s), so the TTL is rounded up.
 */
export function createCoordination(opts: { etcdEndpoints?: string[]; hostLeaseTtlMs: number; namespace?: string }): Coordination {
  if (opts.etcdEndpoints?.length) {
    return createEtcdCoordination({
      endpoints: opts.etcdEndpoints,
      namespace: opts.namespace ?? 'limiquantix',
      hostLeaseTtlSeconds: Math.max(2, Math.ceil(opts.hostLeaseTtlMs / 1000)),
    });
  }
  return createInProcessCoordination(opts.hostLeaseTtlMs);
}
