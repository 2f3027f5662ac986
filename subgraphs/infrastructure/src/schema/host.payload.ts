import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../../platform/src';
import type { Host } from '../domain/host';
import { HostType } from './host.type';

/** What registerHost, cordonHost and uncordonHost return; `host` is the domain Host. */
@ObjectType('HostPayload')
export class HostPayload {
  @Field(() => HostType, { nullable: true }) host?: Host | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}
