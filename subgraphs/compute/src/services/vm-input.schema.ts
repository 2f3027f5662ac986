// Validation of the VM inputs (createVirtualMachine, placementPreview). Every rule lives here;
// services parse with the platform's parseInput under ['input'], which reports every bad field
// with its path.
import { z } from 'zod';
import { RESTART_PRIORITIES } from '../domain/virtual-machine';
import { uuidString } from './argument-parsing';

/**
 * A VM name: 1 to 63 letters, digits, '-', '_' or '.', starting with a letter or digit, so it
 * is usable as a hostname label and in file names on the hypervisor.
 */
export const VM_NAME = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,62}$/;

/** Sizes a hypervisor accepts: 1 to 128 vCPUs; 128 MiB to 1 TiB of memory in 128 MiB steps. */
export const LIMITS = { vcpus: { min: 1, max: 128 }, memoryMib: { min: 128, max: 1_048_576, step: 128 }, labels: 20 } as const;

/** Label keys like Kubernetes': letters and digits at both ends, '.', '_', '-', '/' within. */
const LABEL_KEY = /^[a-zA-Z0-9]([a-zA-Z0-9._/-]{0,251}[a-zA-Z0-9])?$/;

const labelList = z
  .array(
    z.object({
      key: z.string().regex(LABEL_KEY, 'must be 1 to 253 letters, digits, ".", "_", "-" or "/", starting and ending with a letter or digit'),
      value: z.string().max(253, 'must be at most 253 characters'),
    }),
  )
  .max(LIMITS.labels, `at most ${LIMITS.labels} labels`)
  .superRefine((labels, ctx) => {
    const seen = new Set<string>();
    labels.forEach((label, i) => {
      if (seen.has(label.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `duplicate key "${label.key}"` });
      seen.add(label.key);
    });
  });

export const vmSpecSchema = z.object({
  vcpus: z.number().int().min(LIMITS.vcpus.min, `must be at least ${LIMITS.vcpus.min}`).max(LIMITS.vcpus.max, `must be at most ${LIMITS.vcpus.max}`),
  memoryMib: z
    .number()
    .int()
    // abort: an out-of-range size is reported once, without the step check piling on.
    .min(LIMITS.memoryMib.min, { message: `must be at least ${LIMITS.memoryMib.min}`, abort: true })
    .max(LIMITS.memoryMib.max, { message: `must be at most ${LIMITS.memoryMib.max}`, abort: true })
    .refine((m) => m % LIMITS.memoryMib.step === 0, `must be a multiple of ${LIMITS.memoryMib.step}`),
  image: z.string().min(1, 'must not be empty').max(255).regex(/^\S+$/, 'must not contain spaces').nullish(),
  restartPriority: z.enum(RESTART_PRIORITIES).nullish(),
  hostSelector: labelList.nullish(),
});

const notYet = (what: string) =>
  z
    .array(z.unknown())
    .nullish()
    .refine((list) => !list || list.length === 0, `${what} (coming)`);

export const createVmSchema = z.object({
  name: z.string().regex(VM_NAME, 'must be 1 to 63 letters, digits, "-", "_" or ".", starting with a letter or digit'),
  description: z.string().max(1024, 'must be at most 1024 characters').nullish(),
  projectId: uuidString,
  labels: labelList.nullish(),
  spec: vmSpecSchema,
  // Half-supporting them (a VM without its disk) would be worse than refusing them.
  disks: notYet('disks are attached after creation with attachVolume'),
  nics: notYet('NICs are added after creation with assignSecurityGroup and network attachment'),
  start: z.boolean().nullish(),
  hostId: uuidString.nullish(),
  idempotencyKey: z.string().min(1, 'must not be empty').max(255, 'must be at most 255 characters').nullish(),
});

export type CreateVmInput = z.output<typeof createVmSchema>;

export const placementPreviewSchema = z.object({
  projectId: uuidString,
  spec: vmSpecSchema,
  affinityRuleIds: z.array(uuidString).max(50).nullish(),
});
