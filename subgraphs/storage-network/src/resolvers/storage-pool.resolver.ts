import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Connection } from '../../../platform/src';
import type { StoragePoolRecord } from '../domain/storage-pool';
import type { VolumeRecord } from '../domain/volume';
import type { StorageNetworkContext } from '../services/context';
import type { StoragePoolService } from '../services/storage-pool.service';
import type { VolumeService } from '../services/volume.service';
import { HostRef } from '../schema/host-ref.type';
import { PageArgs } from '../schema/page.args';
import { StoragePool } from '../schema/storage-pool.type';
import { VolumeConnection } from '../schema/volume-connection.type';

@Resolver(() => StoragePool)
export class StoragePoolResolver {
  constructor(
    private readonly poolService: StoragePoolService,
    private readonly volumeService: VolumeService,
  ) {}

  @Query(() => StoragePool, { nullable: true })
  storagePool(@Arg('id', () => ID) id: string, @Ctx() ctx: StorageNetworkContext): Promise<StoragePoolRecord | null> {
    return this.poolService.byId(ctx, id);
  }

  @Query(() => [StoragePool])
  storagePools(@Ctx() ctx: StorageNetworkContext): Promise<StoragePoolRecord[]> {
    return this.poolService.list(ctx);
  }

  @FieldResolver(() => [HostRef], { description: 'Hosts that can reach it (all hosts for shared pools).' })
  async hosts(@Root() pool: StoragePoolRecord, @Ctx() ctx: StorageNetworkContext): Promise<HostRef[]> {
    return (await this.poolService.hostIds(ctx, pool)).map((id) => ({ id }));
  }

  @FieldResolver(() => VolumeConnection)
  volumes(
    @Root() pool: StoragePoolRecord,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: StorageNetworkContext,
  ): Promise<Connection<VolumeRecord>> {
    return this.volumeService.listInPool(ctx, pool.id, { first: args.first, after: args.after });
  }
}
