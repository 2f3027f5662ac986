import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { AlertMetric, Comparison, Severity } from '../domain/alert';
import { AlertMetricEnum } from './alert-metric.enum';
import { ComparisonEnum } from './comparison.enum';
import { SeverityEnum } from './severity.enum';

@Directive('@key(fields: "id")')
@ObjectType('AlertRule')
export class AlertRule {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => AlertMetricEnum) metric!: AlertMetric;
  @Field(() => ComparisonEnum) comparison!: Comparison;
  @Field(() => Float) threshold!: number;
  @Field(() => Int, { description: 'Seconds the condition must hold before the alert fires.' }) forSeconds!: number;
  @Field(() => SeverityEnum) severity!: Severity;
  @Field(() => Boolean) enabled!: boolean;
}
