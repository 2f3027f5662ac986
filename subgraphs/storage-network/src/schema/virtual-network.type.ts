import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { NetworkType } from './virtual-network.enum';

/** An L2/L3 network VMs attach to. `freeAddresses` comes from its resolver. */
@Directive('@key(fields: "id")')
@ObjectType('VirtualNetwork')
export class VirtualNetwork {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => NetworkType) type!: NetworkType;
  @Field(() => Int, { nullable: true }) vlanId!: number | null;
  @Field(() => String) cidr!: string;
  @Field(() => String, { nullable: true }) gateway!: string | null;
  @Field(() => Boolean) dhcpEnabled!: boolean;
  @Field(() => Date) createdAt!: Date;
}
