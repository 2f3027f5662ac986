import { registerEnumType } from 'type-graphql';
import { Provisioning, VolumePhase } from '../domain/volume';

registerEnumType(Provisioning, { name: 'Provisioning' });
registerEnumType(VolumePhase, { name: 'VolumePhase' });

export { Provisioning, VolumePhase };
