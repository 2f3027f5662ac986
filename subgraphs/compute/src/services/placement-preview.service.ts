import { authorize, labelsToMap, NotFoundError, parseInput } from '../../../platform/src';
import type { ComputeContext } from '../context';
import type { HostSnapshotStorage } from '../data/host-snapshot.storage';
import type { VmCreationStorage } from '../data/vm-creation.storage';
import type { PlacementCandidate, Scheduler } from '../domain/scheduler';
import { placementPreviewSchema } from './vm-input.schema';

export interface PlacementPreviewResult {
  /** The host the scheduler would pick now; null when nothing fits. */
  chosenHostId: string | null;
  /** Every host: fitting ones by score, then the rejected ones with the reasons. */
  candidates: PlacementCandidate[];
}

/**
 * placementPreview (`vm:read`): the scheduler that createVirtualMachine runs, over the hosts
 * as they are now, writing nothing. `affinityRuleIds` is validated and not used yet: no
 * affinity plugin is registered (the scheduler's AffinitySpec waits for them).
 */
export class PlacementPreviewService {
  constructor(
    private readonly hosts: HostSnapshotStorage,
    private readonly projects: Pick<VmCreationStorage, 'projectExists'>,
    private readonly scheduler: Scheduler,
  ) {}

  async preview(ctx: ComputeContext, rawInput: unknown): Promise<PlacementPreviewResult> {
    authorize(ctx, 'vm:read');
    const input = parseInput(placementPreviewSchema, rawInput, { at: ['input'], fieldInMessage: true });
    if (!(await this.projects.projectExists(input.projectId))) {
      throw new NotFoundError(`project ${input.projectId} does not exist`, { field: ['input', 'projectId'] });
    }
    const result = this.scheduler.schedule(
      { vcpus: input.spec.vcpus, memoryMib: input.spec.memoryMib, hostSelector: labelsToMap(input.spec.hostSelector), projectId: input.projectId },
      await this.hosts.snapshots(),
    );
    return { chosenHostId: result.chosen?.id ?? null, candidates: result.candidates };
  }
}
