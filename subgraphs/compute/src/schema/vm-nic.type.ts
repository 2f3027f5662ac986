import { Field, ObjectType } from 'type-graphql';
import type { VmNic as VmNicValue } from '../domain/virtual-machine';
import { SecurityGroup } from './security-group.type';
import { VirtualNetworkRef } from './virtual-network-ref.type';

@ObjectType('VmNic')
export class VmNic {
  @Field(() => VirtualNetworkRef) network!: VirtualNetworkRef;
  @Field(() => String) macAddress!: string;
  @Field(() => String, { nullable: true }) ipAddress!: string | null;
  @Field(() => [SecurityGroup]) securityGroups!: SecurityGroup[];

  static from(nic: VmNicValue): VmNic {
    return {
      network: { id: nic.networkId },
      macAddress: nic.macAddress,
      ipAddress: nic.ipAddress,
      securityGroups: nic.securityGroupIds.map((id) => ({ id })),
    };
  }
}
