/** `_entities` for SecurityGroup: the reference is the entity; `virtualMachines` is resolved from it. */
export const securityGroupReference = { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) };
