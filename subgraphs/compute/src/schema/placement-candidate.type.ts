import { Field, Float, ObjectType } from 'type-graphql';
import type { PlacementCandidate as PlacementCandidateValue } from '../domain/scheduler';
import { Host } from './host.type';

@ObjectType('PlacementCandidate', { description: 'One host considered by the scheduler for a placement.' })
export class PlacementCandidate {
  @Field(() => Host) host!: Host;
  @Field(() => Boolean) fits!: boolean;
  @Field(() => Float, { nullable: true, description: 'Higher is better; null when it does not fit.' }) score!: number | null;

  @Field(() => [String], { description: "Each filter that rejected this host, in words, e.g. 'memory: needs 8192 MiB, 2048 free'." })
  reasons!: string[];

  static from(candidate: PlacementCandidateValue): PlacementCandidate {
    return { host: { id: candidate.hostId }, fits: candidate.fits, score: candidate.score, reasons: candidate.reasons };
  }
}
