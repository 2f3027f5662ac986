import { DateTimeResolver, JSONResolver } from 'graphql-scalars';

/** The contract's `DateTime` (ISO 8601) and `JSON` scalars, shared by every subgraph. */
export const DateTimeScalar = DateTimeResolver;
export const JSONScalar = JSONResolver;
