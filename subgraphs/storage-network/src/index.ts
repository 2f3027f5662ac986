import { buildFederatedSchema, instanceContainer, type AuditSink, type Database, type Subgraph } from '../../platform/src';
import { createLoaders, type DataStores } from './data/loaders';
import { SecurityGroupStorage } from './data/security-group.storage';
import { StoragePoolStorage } from './data/storage-pool.storage';
import { VirtualNetworkStorage } from './data/virtual-network.storage';
import { VolumeStorage } from './data/volume.storage';
import { SecurityGroupResolver } from './resolvers/security-group.resolver';
import { StoragePoolResolver } from './resolvers/storage-pool.resolver';
import { VirtualNetworkResolver } from './resolvers/virtual-network.resolver';
import { VolumeResolver } from './resolvers/volume.resolver';
import { securityGroupReference } from './schema/security-group.reference';
import { storagePoolReference } from './schema/storage-pool.reference';
import { virtualNetworkReference } from './schema/virtual-network.reference';
import { volumeReference } from './schema/volume.reference';
import type { StorageNetworkContext } from './services/context';
import { SecurityGroupService } from './services/security-group.service';
import { StoragePoolService } from './services/storage-pool.service';
import { VirtualNetworkService } from './services/virtual-network.service';
import { VolumeService } from './services/volume.service';

export type { StorageNetworkContext } from './services/context';

export interface StorageNetworkDeps {
  /** The Prisma client (PostgreSQL or PGlite); owned by the caller, who closes it. */
  db: Database;
  /** Where mutation audit records go (no mutations yet; the schema builder installs it). */
  audit: AuditSink;
}

/**
 * The storage-network subgraph: storage pools, volumes, virtual networks and security groups.
 * It stubs infrastructure's Host and ops' Project; compute contributes Volume.attachedTo and
 * SecurityGroup.virtualMachines.
 */
export async function createStorageNetworkSubgraph(deps: StorageNetworkDeps): Promise<Subgraph<StorageNetworkContext>> {
  const data: DataStores = {
    pools: new StoragePoolStorage(deps.db),
    volumes: new VolumeStorage(deps.db),
    networks: new VirtualNetworkStorage(deps.db),
    securityGroups: new SecurityGroupStorage(deps.db),
  };
  const pools = new StoragePoolService(data.pools);
  const volumes = new VolumeService(data.volumes);
  const networks = new VirtualNetworkService(data.networks);
  const securityGroups = new SecurityGroupService(data.securityGroups);

  const schema = await buildFederatedSchema({
    resolvers: [StoragePoolResolver, VolumeResolver, VirtualNetworkResolver, SecurityGroupResolver],
    references: {
      StoragePool: storagePoolReference(pools),
      Volume: volumeReference(volumes),
      VirtualNetwork: virtualNetworkReference(networks),
      SecurityGroup: securityGroupReference(securityGroups),
    },
    container: instanceContainer([
      new StoragePoolResolver(pools, volumes),
      new VolumeResolver(volumes, pools),
      new VirtualNetworkResolver(networks),
      new SecurityGroupResolver(securityGroups),
    ]),
    audit: deps.audit,
  });

  return {
    name: 'storage-network',
    schema,
    createContext: (base) => ({ ...base, loaders: createLoaders(data) }),
  };
}
