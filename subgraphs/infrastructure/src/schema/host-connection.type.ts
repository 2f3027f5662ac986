import { connectionTypes } from '../../../platform/src';
import { HostType } from './host.type';

export const { EdgeType: HostEdge, ConnectionType: HostConnection } = connectionTypes('Host', HostType);
