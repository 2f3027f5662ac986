import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../../platform/src';
import type { AlertState, Severity } from '../domain/alert';
import { AlertStateEnum } from './alert-state.enum';
import { SeverityEnum } from './severity.enum';

/** `rule` is a field resolver (AlertResolver), loaded by id. */
@Directive('@key(fields: "id")')
@ObjectType('Alert')
export class Alert {
  @Field(() => ID) id!: string;
  @Field(() => SeverityEnum) severity!: Severity;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) message!: string | null;
  @Field(() => String, { description: 'Host, VirtualMachine, StoragePool, Cluster...' }) sourceType!: string;
  @Field(() => ID, { nullable: true }) sourceId!: string | null;
  @Field(() => AlertStateEnum) state!: AlertState;
  @Field(() => String, { nullable: true }) acknowledgedBy!: string | null;
  @Field(() => Date, { nullable: true }) acknowledgedAt!: Date | null;
  @Field(() => Date, { nullable: true }) resolvedAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
}

export const { ConnectionType: AlertConnection, EdgeType: AlertEdge } = connectionTypes('Alert', Alert);
