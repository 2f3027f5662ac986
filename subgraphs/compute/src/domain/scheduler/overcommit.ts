// The overcommit rule is shared with the infrastructure subgraph, which stores each host's
// allocatable with it; the scheduler re-exports it for its callers and the synthetic fleet.
export * from '../../../../platform/src/capacity/overcommit';
