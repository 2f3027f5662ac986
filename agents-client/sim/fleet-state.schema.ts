// The format of a simulated fleet's state file, validated with zod on the way in
// so that a damaged or foreign file is refused as a whole, never half-restored.
// One file holds every host: { version: 1, hosts: { [hostname]: PersistedHost } }.
import { z } from 'zod';
import type { VmState } from '../src/generated/limiquantix/agent/v1/agent';
import { SIM_OPERATIONS } from './hypervisor-core';
import { SIM_REFUSAL_CODES } from './sim-refusal';

/** Bumped on any change an older simulator could not read; other versions are refused. */
export const FLEET_STATE_VERSION = 1;

/** VmState by name, so that the file reads well. UNRECOGNIZED is never stored. */
export const VM_STATE_NAMES = [
  'VM_STATE_UNSPECIFIED',
  'VM_STATE_STOPPED',
  'VM_STATE_STARTING',
  'VM_STATE_RUNNING',
  'VM_STATE_STOPPING',
  'VM_STATE_MIGRATING',
  'VM_STATE_FAILED',
  'VM_STATE_DELETING',
  'VM_STATE_DELETED',
] as const satisfies ReadonlyArray<keyof typeof VmState>;

const count = z.number().int().min(0);

const DiskSchema = z.object({ volumeId: z.string(), sizeGib: z.number(), bootIndex: z.number().int().optional() });

const NicSchema = z.object({
  networkId: z.string(),
  macAddress: z.string(),
  ipAddress: z.string().optional(),
  securityGroupIds: z.array(z.string()),
});

const VmSpecSchema = z.object({
  vmId: z.string().min(1),
  name: z.string(),
  vcpus: count,
  memoryMib: count,
  image: z.string().optional(),
  disks: z.array(DiskSchema),
  nics: z.array(NicSchema),
});

const SecurityGroupRuleSchema = z.object({
  securityGroupId: z.string(),
  direction: z.number().int(),
  protocol: z.number().int(),
  portFrom: count,
  portTo: count,
  cidr: z.string(),
});

const PersistedVmSchema = z.object({
  spec: VmSpecSchema,
  state: z.enum(VM_STATE_NAMES),
  error: z.string(),
  snapshots: z.array(z.object({ snapshotId: z.string(), name: z.string(), disks: z.array(DiskSchema) })),
  rules: z.array(z.object({ macAddress: z.string(), rules: z.array(SecurityGroupRuleSchema) })),
  load: z.number().min(0).max(1),
  /** Set on the target of a migration that had not arrived yet. */
  incomingToken: z.string().optional(),
  /** The operation the VM was busy with when the state was written. */
  inFlight: z.object({ operationId: z.string(), kind: z.enum(SIM_OPERATIONS), failure: z.string().optional() }).optional(),
});

const journalBase = { operationId: z.string().min(1), fingerprint: z.string(), phase: z.enum(['accepted', 'done']) };

const PersistedOperationSchema = z.discriminatedUnion('outcome', [
  z.object({ ...journalBase, outcome: z.literal('ok'), response: z.record(z.string(), z.string()) }),
  z.object({ ...journalBase, outcome: z.literal('refused'), refusal: z.object({ code: z.enum(SIM_REFUSAL_CODES), message: z.string() }) }),
]);

const PersistedHostSchema = z.object({
  /** Agent processes started so far: the restored host boots as number boots + 1. */
  boots: z.number().int().min(1),
  /** The host was crashed with power loss and not yet restarted: its guests come back off. */
  powerLost: z.boolean(),
  vms: z.array(PersistedVmSchema),
  /** The newest remembered operation ids, oldest first. */
  operations: z.array(PersistedOperationSchema),
});

export const FleetStateSchema = z.object({
  version: z.literal(FLEET_STATE_VERSION),
  hosts: z.record(z.string(), PersistedHostSchema),
});

export type PersistedVm = z.infer<typeof PersistedVmSchema>;
export type PersistedOperation = z.infer<typeof PersistedOperationSchema>;
export type PersistedHost = z.infer<typeof PersistedHostSchema>;
export type FleetState = z.infer<typeof FleetStateSchema>;
