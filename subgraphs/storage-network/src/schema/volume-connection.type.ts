import { connectionTypes } from '../../../platform/src';
import { Volume } from './volume.type';

const { EdgeType, ConnectionType } = connectionTypes('Volume', Volume);

export const VolumeEdge = EdgeType;
export const VolumeConnection = ConnectionType;
