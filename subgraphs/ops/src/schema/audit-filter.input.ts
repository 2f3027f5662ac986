import { Field, ID, InputType } from 'type-graphql';

@InputType('AuditFilter', { description: 'All given conditions must hold.' })
export class AuditFilter {
  @Field(() => String, { nullable: true }) actor?: string | null;
  @Field(() => ID, { nullable: true }) resourceId?: string | null;
  @Field(() => String, { nullable: true }) action?: string | null;
  @Field(() => Date, { nullable: true, description: 'Entries at or after this instant.' }) since?: Date | null;
}
