import { Field, ObjectType } from 'type-graphql';
import { Host } from './host.type';
import { PlacementCandidate } from './placement-candidate.type';

@ObjectType('PlacementPreview')
export class PlacementPreview {
  @Field(() => Host, { nullable: true, description: 'The host the scheduler would pick now; null when nothing fits.' }) chosen!: Host | null;
  @Field(() => [PlacementCandidate]) candidates!: PlacementCandidate[];
}
