import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { ComputeContext } from '../context';
import { PlacementCandidate } from '../schema/placement-candidate.type';
import { PlacementPreviewInput } from '../schema/placement-preview.input';
import { PlacementPreview } from '../schema/placement-preview.type';
import type { PlacementPreviewService } from '../services/placement-preview.service';

@Resolver(() => PlacementPreview)
export class PlacementPreviewResolver {
  constructor(private readonly placement: PlacementPreviewService) {}

  /** Where a VM of this spec would go now, and why each host would or would not take it. */
  @Query(() => PlacementPreview)
  async placementPreview(@Arg('input', () => PlacementPreviewInput) input: PlacementPreviewInput, @Ctx() ctx: ComputeContext): Promise<PlacementPreview> {
    const result = await this.placement.preview(ctx, input);
    return { chosen: result.chosenHostId ? { id: result.chosenHostId } : null, candidates: result.candidates.map(PlacementCandidate.from) };
  }
}
