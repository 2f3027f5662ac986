// The AgentService implementation of a simulated host: gRPC in, hypervisor
// model out. Every call first passes the host's gate, which is where hang() and
// slow() take effect.
import { Metadata, status, type handleUnaryCall, type ServerErrorResponse } from '@grpc/grpc-js';
import type { AgentServiceServer } from '../src/generated/limiquantix/agent/v1/agent';
import { SimRefusal } from './sim-refusal';
import type { SimulatedHost } from './simulated-host';

const REFUSAL_STATUS: Record<SimRefusal['code'], status> = {
  NOT_FOUND: status.NOT_FOUND,
  FAILED_PRECONDITION: status.FAILED_PRECONDITION,
  ALREADY_EXISTS: status.ALREADY_EXISTS,
  RESOURCE_EXHAUSTED: status.RESOURCE_EXHAUSTED,
  INVALID_ARGUMENT: status.INVALID_ARGUMENT,
  ABORTED: status.ABORTED,
};

function toStatus(error: unknown): ServerErrorResponse {
  if (error instanceof SimRefusal) return { name: 'SimRefusal', message: error.message, code: REFUSAL_STATUS[error.code], details: error.message };
  return { name: 'Error', message: String(error), code: status.INTERNAL, details: `simulator bug: ${String(error)}` };
}

export function createSimAgentService(host: SimulatedHost): AgentServiceServer {
  const unary =
    <Req, Res>(handle: (request: Req) => Res): handleUnaryCall<Req, Res> =>
    (call, callback) => {
      void host.admit().then((admitted) => {
        // Not admitted: the host crashed meanwhile and its connections are gone.
        if (!admitted) return;
        let response: Res;
        try {
          response = handle(call.request);
        } catch (error) {
          callback(toStatus(error));
          return;
        }
        callback(null, response);
      });
    };
  // Mutating calls answer with their operation id once accepted; the outcome follows as events.
  const mutating = <Req extends { operationId: string }>(run: (request: Req) => void) =>
    unary<Req, { operationId: string }>((request) => {
      run(request);
      return { operationId: request.operationId };
    });
  const model = () => host.model;

  return {
    getHostInfo: unary(() => host.hostInfo()),
    listVms: unary(() => host.listVms()),
    createVm: mutating((r) => model().lifecycle.createVm(r.operationId, r.spec, r.start)),
    startVm: mutating((r) => model().lifecycle.startVm(r.operationId, r.vmId)),
    stopVm: mutating((r) => model().lifecycle.stopVm(r.operationId, r.vmId, r.force)),
    rebootVm: mutating((r) => model().lifecycle.rebootVm(r.operationId, r.vmId)),
    deleteVm: mutating((r) => model().lifecycle.deleteVm(r.operationId, r.vmId)),
    prepareMigration: unary((r) => {
      const response = model().migration.prepareMigration(r.operationId, r.spec, r.sourceHostId);
      return { operationId: r.operationId, migrationToken: response['migrationToken'] ?? '' };
    }),
    sendMigration: mutating((r) => model().migration.sendMigration(r.operationId, r.vmId, r.targetAddress, r.migrationToken)),
    createSnapshot: mutating((r) => model().devices.createSnapshot(r.operationId, r.vmId, r.snapshotId, r.name)),
    revertSnapshot: mutating((r) => model().devices.revertSnapshot(r.operationId, r.vmId, r.snapshotId)),
    deleteSnapshot: mutating((r) => model().devices.deleteSnapshot(r.operationId, r.vmId, r.snapshotId)),
    attachVolume: mutating((r) => model().devices.attachVolume(r.operationId, r.vmId, r.disk)),
    detachVolume: mutating((r) => model().devices.detachVolume(r.operationId, r.vmId, r.volumeId)),
    configureNic: mutating((r) => model().devices.configureNic(r.operationId, r.vmId, r.nic, r.rules)),
    watchEvents: (call) => {
      void host.admit().then((admitted) => {
        if (!admitted) return;
        // Headers first: they tell the client the stream is live before any event.
        call.sendMetadata(new Metadata());
        host.attachStream(call);
      });
    },
  };
}
