import { Field, ID, ObjectType } from 'type-graphql';
import type { AffinityKind as AffinityKindValue, Enforcement as EnforcementValue } from '../domain/affinity-rule';
import { AffinityKind } from './affinity-kind.enum';
import { Enforcement } from './enforcement.enum';

/** `virtualMachines` is a field resolver in AffinityRuleResolver. */
@ObjectType('AffinityRule')
export class AffinityRule {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => AffinityKind) kind!: AffinityKindValue;
  @Field(() => Enforcement) enforcement!: EnforcementValue;
}
