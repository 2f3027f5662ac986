import { registerEnumType } from 'type-graphql';
import { StoragePhase, StoragePoolType } from '../domain/storage-pool';

registerEnumType(StoragePoolType, { name: 'StoragePoolType' });
registerEnumType(StoragePhase, { name: 'StoragePhase' });

export { StoragePhase, StoragePoolType };
