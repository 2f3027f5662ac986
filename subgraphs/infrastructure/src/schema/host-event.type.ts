import { Field, ObjectType } from 'type-graphql';
import type { ChangeKind } from '../../../platform/src';
import type { Host } from '../domain/host';
import { ChangeKindEnum } from './change-kind.enum';
import { HostType } from './host.type';

/**
 * One change of a host, as `hostChanged` delivers it. Declared here for the composed schema;
 * the gateway builds these from the event bus and re-fetches `host` through the graph.
 */
@ObjectType('HostEvent')
export class HostEventType {
  @Field(() => ChangeKindEnum) kind!: ChangeKind;
  @Field(() => HostType) host!: Host;
}
