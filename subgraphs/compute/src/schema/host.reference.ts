/**
 * `_entities` for Host: compute holds nothing of a host but its id, so the reference is the
 * entity; `virtualMachines` is resolved from it (and checks vm:read there).
 */
export const hostReference = { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) };
