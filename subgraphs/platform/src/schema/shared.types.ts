import { Directive, Field, InputType, Int, ObjectType } from 'type-graphql';

// Value types every subgraph returns. Federation 2 needs @shareable on each subgraph's copy;
// defining them once here keeps the copies identical.

@Directive('@shareable')
@ObjectType('PageInfo')
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@Directive('@shareable')
@ObjectType('UserError')
export class UserError {
  @Field(() => [String], { nullable: true, description: 'Path of the input field at fault, e.g. ["input", "spec", "memoryMib"].' })
  field!: string[] | null;

  @Field(() => String, { description: 'Stable machine-readable code, e.g. INVALID, NOT_FOUND, CONFLICT, NO_CAPACITY, QUOTA_EXCEEDED, INVALID_STATE.' })
  code!: string;

  @Field(() => String) message!: string;
}

@Directive('@shareable')
@ObjectType('Label')
export class Label {
  @Field(() => String) key!: string;
  @Field(() => String) value!: string;
}

@InputType('LabelInput')
export class LabelInput {
  @Field(() => String) key!: string;
  @Field(() => String) value!: string;
}

@Directive('@shareable')
@ObjectType('Resources')
export class Resources {
  @Field(() => Int) vcpus!: number;
  @Field(() => Int) memoryMib!: number;
}

/** Labels are stored as a {key: value} map and shown as a sorted list. */
export function labelsToList(map: unknown): Label[] {
  if (!map || typeof map !== 'object') return [];
  return Object.entries(map as Record<string, unknown>)
    .filter((e): e is [string, string] => typeof e[1] === 'string')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => ({ key, value }));
}

/** The inverse of labelsToList; a repeated key keeps its last value. */
export function labelsToMap(list: readonly { key: string; value: string }[] | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { key, value } of list ?? []) out[key] = value;
  return out;
}
