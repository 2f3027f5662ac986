import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Connection } from '../../../platform/src';
import type { StoragePoolRecord } from '../domain/storage-pool';
import type { VolumeRecord } from '../domain/volume';
import type { StorageNetworkContext } from '../services/context';
import type { StoragePoolService } from '../services/storage-pool.service';
import type { VolumeService } from '../services/volume.service';
import { ProjectRef } from '../schema/project-ref.type';
import { StoragePool } from '../schema/storage-pool.type';
import { Volume } from '../schema/volume.type';
import { VolumeConnection } from '../schema/volume-connection.type';
import { VolumesArgs } from '../schema/volumes.args';

@Resolver(() => Volume)
export class VolumeResolver {
  constructor(
    private readonly volumeService: VolumeService,
    private readonly poolService: StoragePoolService,
  ) {}

  @Query(() => Volume, { nullable: true })
  volume(@Arg('id', () => ID) id: string, @Ctx() ctx: StorageNetworkContext): Promise<VolumeRecord | null> {
    return this.volumeService.byId(ctx, id);
  }

  @Query(() => VolumeConnection)
  volumes(@Args(() => VolumesArgs) args: VolumesArgs, @Ctx() ctx: StorageNetworkContext): Promise<Connection<VolumeRecord>> {
    const { projectId, first, after } = args;
    return this.volumeService.list(ctx, projectId == null ? {} : { projectId }, { first, after });
  }

  @FieldResolver(() => StoragePool)
  pool(@Root() volume: VolumeRecord, @Ctx() ctx: StorageNetworkContext): Promise<StoragePoolRecord> {
    return this.poolService.byIdRequired(ctx, volume.poolId);
  }

  @FieldResolver(() => ProjectRef)
  project(@Root() volume: VolumeRecord): ProjectRef {
    return { id: volume.projectId };
  }
}
