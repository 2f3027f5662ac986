import type { Database } from '../../../platform/src';
import type { SecurityGroup as SecurityGroupRow, SecurityRule as SecurityRuleRow } from '../../../../prisma/generated/client';
import type { SecurityGroupRecord, SecurityRuleRecord } from '../domain/security-group';

function toSecurityGroup(row: SecurityGroupRow): SecurityGroupRecord {
  return { id: row.id, name: row.name, description: row.description, isDefault: row.isDefault, createdAt: row.createdAt };
}

function toSecurityRule(row: SecurityRuleRow): SecurityRuleRecord {
  return {
    id: row.id,
    securityGroupId: row.securityGroupId,
    direction: row.direction,
    protocol: row.protocol,
    portRange: row.portRange,
    remoteCidr: row.remoteCidr,
    action: row.action,
    priority: row.priority,
    description: row.description,
    createdAt: row.createdAt,
  };
}

export class SecurityGroupStorage {
  constructor(private readonly db: Database) {}

  async findByIds(ids: readonly string[]): Promise<SecurityGroupRecord[]> {
    const rows = await this.db.securityGroup.findMany({ where: { id: { in: [...ids] } } });
    return rows.map(toSecurityGroup);
  }

  /** Every group, oldest first; groups are few enough not to page. */
  async list(): Promise<SecurityGroupRecord[]> {
    const rows = await this.db.securityGroup.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    return rows.map(toSecurityGroup);
  }

  /** The rules of several groups in evaluation order: priority, then oldest, then id. */
  async rulesOfGroups(groupIds: readonly string[]): Promise<SecurityRuleRecord[]> {
    const rows = await this.db.securityRule.findMany({
      where: { securityGroupId: { in: [...groupIds] } },
      orderBy: [{ priority: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(toSecurityRule);
  }
}
