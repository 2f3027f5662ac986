import { connectionTypes } from '../../../platform/src';
import { VirtualMachine } from './virtual-machine.type';

export const { ConnectionType: VirtualMachineConnection, EdgeType: VirtualMachineEdge } = connectionTypes('VirtualMachine', VirtualMachine);
