import { buildSchema, parse, validate, getIntrospectionQuery } from 'graphql';
import { operationLimitsRule } from './operation-limits';

const schema = buildSchema(`
  type Query { vms(first: Int): VmConnection!, vm(id: ID!): Vm, tags: [Tag!]! }
  type Mutation { stop(id: ID!): Vm }
  type VmConnection { edges: [VmEdge!]!, totalCount: Int! }
  type VmEdge { node: Vm! }
  type Vm { id: ID!, name: String!, host: Host, tasks(first: Int): VmConnection! }
  type Host { id: ID!, vms(first: Int): VmConnection! }
  type Tag { key: String! }
`);

const errorsOf = (source: string, limits = { maxDepth: 6, maxCost: 1000, maxAliases: 3 }) =>
  validate(schema, parse(source), [operationLimitsRule(limits)]).map((e) => e.message);

describe('operation limits', () => {
  it('accepts a modest Relay query', () => {
    expect(errorsOf('{ vms(first: 10) { edges { node { id host { id } } } } }')).toEqual([]);
  });

  it('refuses a query nested deeper than the limit', () => {
    expect(errorsOf('{ vm(id: 1) { host { vms { edges { node { host { vms { totalCount } } } } } } } }')[0]).toMatch(/levels deep; the limit is 6/);
  });

  it('multiplies nested connections by their page size', () => {
    const errors = errorsOf('{ vms(first: 100) { edges { node { tasks(first: 100) { edges { node { id } } } } } } }', { maxDepth: 20, maxCost: 1000, maxAliases: 3 });
    expect(errors[0]).toMatch(/costs \d+ points/);
  });

  it('assumes small plain lists but full pages for connections', () => {
    expect(errorsOf('{ tags { key } }', { maxDepth: 20, maxCost: 10, maxAliases: 3 })).toEqual([]);
    expect(errorsOf('{ tags { key } }', { maxDepth: 20, maxCost: 9, maxAliases: 3 })[0]).toMatch(/costs 10 points/);
  });

  it('counts a default page of 50 when first is absent', () => {
    expect(errorsOf('{ vms { edges { node { host { id } } } } }', { maxDepth: 20, maxCost: 99, maxAliases: 3 })[0]).toMatch(/costs/);
  });

  it('refuses alias amplification', () => {
    expect(errorsOf('{ a: vm(id: 1) { id } b: vm(id: 2) { id } c: vm(id: 3) { id } d: vm(id: 4) { id } }')[0]).toMatch(/aliases/);
  });

  it('does not count introspection, which tools must be able to run', () => {
    expect(errorsOf(getIntrospectionQuery())).toEqual([]);
  });

  it('follows fragments', () => {
    expect(errorsOf('query { ...Q } fragment Q on Query { vm(id: 1) { host { vms { edges { node { host { vms { totalCount } } } } } } } }')[0]).toMatch(/8 levels deep/);
  });
});
