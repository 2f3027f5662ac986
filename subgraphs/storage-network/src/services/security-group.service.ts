import { authorize } from '../../../platform/src';
import { isUuid } from '../domain/ids';
import type { SecurityGroupRecord, SecurityRuleRecord } from '../domain/security-group';
import type { SecurityGroupStorage } from '../data/security-group.storage';
import type { StorageNetworkContext } from './context';

/** Reads security groups and their rules; every call needs network:read. */
export class SecurityGroupService {
  constructor(private readonly groups: SecurityGroupStorage) {}

  /** The group, or null when the id is unknown or not a UUID. */
  async byId(ctx: StorageNetworkContext, id: string): Promise<SecurityGroupRecord | null> {
    authorize(ctx, 'network:read');
    return isUuid(id) ? ctx.loaders.securityGroup.load(id) : null;
  }

  async list(ctx: StorageNetworkContext): Promise<SecurityGroupRecord[]> {
    authorize(ctx, 'network:read');
    return this.groups.list();
  }

  /** The group's rules in evaluation order: priority, then the older rule first. */
  async rules(ctx: StorageNetworkContext, group: SecurityGroupRecord): Promise<SecurityRuleRecord[]> {
    authorize(ctx, 'network:read');
    return ctx.loaders.securityGroupRules.load(group.id);
  }
}
