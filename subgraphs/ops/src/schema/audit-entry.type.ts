import { Field, ID, ObjectType } from 'type-graphql';
import { JSONScalar, connectionTypes } from '../../../platform/src';

@ObjectType('AuditEntry')
export class AuditEntry {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Username, or the system component.' }) actor!: string;
  @Field(() => String, { description: "The mutation's name, e.g. createVirtualMachine." }) action!: string;
  @Field(() => String, { nullable: true }) resourceType!: string | null;
  @Field(() => ID, { nullable: true }) resourceId!: string | null;
  @Field(() => String, { description: 'SUCCESS, USER_ERROR, DENIED or ERROR.' }) outcome!: string;
  @Field(() => JSONScalar, { nullable: true, description: 'The input (secrets redacted) and any user errors.' }) details!: unknown;
  @Field(() => String, { nullable: true }) ipAddress!: string | null;
  @Field(() => Date) at!: Date;
}

export const { ConnectionType: AuditEntryConnection, EdgeType: AuditEntryEdge } = connectionTypes('AuditEntry', AuditEntry);
