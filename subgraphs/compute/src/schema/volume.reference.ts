/** `_entities` for Volume: the reference is the entity; `attachedTo` is resolved from it. */
export const volumeReference = { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) };
