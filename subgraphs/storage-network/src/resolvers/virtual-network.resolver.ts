import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { VirtualNetworkRecord } from '../domain/virtual-network';
import type { StorageNetworkContext } from '../services/context';
import type { VirtualNetworkService } from '../services/virtual-network.service';
import { VirtualNetwork } from '../schema/virtual-network.type';

@Resolver(() => VirtualNetwork)
export class VirtualNetworkResolver {
  constructor(private readonly networkService: VirtualNetworkService) {}

  @Query(() => VirtualNetwork, { nullable: true })
  network(@Arg('id', () => ID) id: string, @Ctx() ctx: StorageNetworkContext): Promise<VirtualNetworkRecord | null> {
    return this.networkService.byId(ctx, id);
  }

  @Query(() => [VirtualNetwork])
  networks(@Ctx() ctx: StorageNetworkContext): Promise<VirtualNetworkRecord[]> {
    return this.networkService.list(ctx);
  }

  @FieldResolver(() => Int, { description: 'Addresses still free in the CIDR.' })
  freeAddresses(@Root() network: VirtualNetworkRecord, @Ctx() ctx: StorageNetworkContext): Promise<number> {
    return this.networkService.freeAddresses(ctx, network);
  }
}
