import { registerEnumType } from 'type-graphql';
import { NetworkType } from '../domain/virtual-network';

registerEnumType(NetworkType, { name: 'NetworkType' });

export { NetworkType };
