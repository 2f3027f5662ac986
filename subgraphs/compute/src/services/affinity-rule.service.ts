import { authorize } from '../../../platform/src';
import type { ComputeContext } from '../context';
import type { AffinityRuleStorage } from '../data/affinity-rule.storage';
import type { AffinityRule } from '../domain/affinity-rule';
import type { VirtualMachine } from '../domain/virtual-machine';

/** Reading affinity rules (`affinity:read`); their member VMs need `vm:read`. */
export class AffinityRuleService {
  constructor(private readonly rules: AffinityRuleStorage) {}

  async list(ctx: ComputeContext): Promise<AffinityRule[]> {
    authorize(ctx, 'affinity:read');
    return this.rules.listAll();
  }

  /** The rules a VM is a member of. */
  async forVm(ctx: ComputeContext, vm: VirtualMachine): Promise<AffinityRule[]> {
    authorize(ctx, 'affinity:read');
    return ctx.loaders.affinityRulesByVmId.load(vm.id);
  }

  async members(ctx: ComputeContext, rule: AffinityRule): Promise<VirtualMachine[]> {
    authorize(ctx, 'vm:read');
    return ctx.loaders.vmsByAffinityRuleId.load(rule.id);
  }
}
