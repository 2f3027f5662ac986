import { Field, ID, InputType } from 'type-graphql';
import type { AlertState, Severity } from '../domain/alert';
import { AlertStateEnum } from './alert-state.enum';
import { SeverityEnum } from './severity.enum';

@InputType('AlertFilter', { description: 'All given conditions must hold; an empty list does not filter.' })
export class AlertFilter {
  @Field(() => [AlertStateEnum], { nullable: true }) states?: AlertState[] | null;
  @Field(() => [SeverityEnum], { nullable: true }) severities?: Severity[] | null;
  @Field(() => ID, { nullable: true }) sourceId?: string | null;
}
