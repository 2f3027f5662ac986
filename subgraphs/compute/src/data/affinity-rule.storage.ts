import type { AffinityRule as AffinityRuleRow } from '../../../../prisma/generated/client';
import { cursorOrderBy, type Database } from '../../../platform/src';
import type { AffinityRule } from '../domain/affinity-rule';
import type { VirtualMachine } from '../domain/virtual-machine';
import { toVirtualMachine } from './virtual-machine.storage';

function toAffinityRule(row: AffinityRuleRow): AffinityRule {
  return { id: row.id, name: row.name, kind: row.kind, enforcement: row.enforcement, createdAt: row.createdAt };
}

/** Affinity rules and their member VMs. */
export class AffinityRuleStorage {
  constructor(private readonly db: Database) {}

  /** Every rule, oldest first. Rules are few (an operator writes each by hand). */
  async listAll(): Promise<AffinityRule[]> {
    const rows = await this.db.affinityRule.findMany({ orderBy: cursorOrderBy() });
    return rows.map(toAffinityRule);
  }

  /** The rules each VM is a member of, oldest rule first. */
  async rulesByVmIds(vmIds: readonly string[]): Promise<{ vmId: string; rule: AffinityRule }[]> {
    const rows = await this.db.affinityRuleMember.findMany({
      where: { vmId: { in: [...vmIds] } },
      include: { rule: true },
      orderBy: [{ rule: { createdAt: 'asc' } }, { ruleId: 'asc' }],
    });
    return rows.map((row) => ({ vmId: row.vmId, rule: toAffinityRule(row.rule) }));
  }

  /** The member VMs of each rule, oldest VM first. */
  async membersByRuleIds(ruleIds: readonly string[]): Promise<{ ruleId: string; vm: VirtualMachine }[]> {
    const rows = await this.db.affinityRuleMember.findMany({
      where: { ruleId: { in: [...ruleIds] } },
      include: { vm: true },
      orderBy: [{ vm: { createdAt: 'asc' } }, { vmId: 'asc' }],
    });
    return rows.map((row) => ({ ruleId: row.ruleId, vm: toVirtualMachine(row.vm) }));
  }
}
