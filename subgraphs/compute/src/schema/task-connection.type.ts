import { connectionTypes } from '../../../platform/src';
import { Task } from './task.type';

export const { ConnectionType: TaskConnection, EdgeType: TaskEdge } = connectionTypes('Task', Task);
