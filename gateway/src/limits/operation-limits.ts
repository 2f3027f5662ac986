import {
  GraphQLError,
  Kind,
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  valueFromASTUntyped,
} from 'graphql';

export interface OperationLimits {
  /** Deepest field nesting allowed (Relay's edges/node count as levels). */
  maxDepth: number;
  /** Highest estimated cost allowed (see estimate below). */
  maxCost: number;
  /** Most aliases in one operation (alias-based amplification). */
  maxAliases: number;
}

/** Defaults sized for Relay-style queries two connections deep (GitLab allows 20 deep). */
export const DEFAULT_LIMITS: OperationLimits = { maxDepth: 15, maxCost: 25_000, maxAliases: 30 };

const DEFAULT_PAGE = 50;
/**
 * Size assumed for a plain list without `first` (a VM's NICs, a group's rules): such lists
 * belong to one parent and stay small, unlike connections, which grow with the fleet.
 */
const PLAIN_LIST_SIZE = 10;
const MUTATION_COST = 10;

interface Measure {
  depth: number;
  cost: number;
  aliases: number;
}

function unwrap(type: GraphQLType): { named: GraphQLType; list: boolean } {
  let t = type;
  let list = false;
  for (;;) {
    if (isNonNullType(t)) t = t.ofType;
    else if (isListType(t)) {
      list = true;
      t = t.ofType;
    } else break;
  }
  return { named: t, list };
}

function firstArg(node: FieldNode, variables: Record<string, unknown>): number | null {
  const arg = node.arguments?.find((a) => a.name.value === 'first');
  if (!arg) return null;
  const v = valueFromASTUntyped(arg.value, variables);
  return typeof v === 'number' ? v : null;
}

/**
 * Shopify's model: an object costs 1, a scalar 0, and a connection or list multiplies its
 * children by the page it may return (`first`, else 50 for a connection and 10 for a plain
 * list). Introspection is not counted: tools
 * need it and it is bounded by the schema.
 */
function measure(
  selectionSet: SelectionSetNode,
  parent: GraphQLOutputType,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  visited: Set<string>,
  insideConnection = false,
): Measure {
  const named = getNamedType(parent);
  const fields = isObjectType(named) || isInterfaceType(named) ? named.getFields() : {};
  let depth = 0;
  let cost = 0;
  let aliases = 0;
  for (const sel of selectionSet.selections) {
    let child: Measure;
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value.startsWith('__')) continue;
      if (sel.alias) aliases += 1;
      const field: GraphQLField<unknown, unknown> | undefined = fields[sel.name.value];
      if (!field) continue;
      const { named: fieldType, list } = unwrap(field.type);
      const isObject = isObjectType(fieldType) || isInterfaceType(fieldType);
      const isConnection = isObject && 'name' in fieldType && fieldType.name.endsWith('Connection');
      const inner = sel.selectionSet
        ? measure(sel.selectionSet, field.type, fragments, variables, visited, isConnection)
        : { depth: 0, cost: 0, aliases: 0 };
      // A connection's `edges` list is already paid for by the connection's multiplier.
      const multiplied = isConnection || (list && !insideConnection);
      const assumed = isConnection ? DEFAULT_PAGE : PLAIN_LIST_SIZE;
      const multiplier = multiplied ? Math.max(1, firstArg(sel, variables) ?? assumed) : 1;
      child = { depth: inner.depth + 1, cost: (isObject ? 1 : 0) + multiplier * inner.cost, aliases: inner.aliases };
      // A list of objects costs per element even without nested objects.
      if (list && isObject && !isConnection) child.cost = multiplier * (1 + inner.cost);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      child = measure(sel.selectionSet, parent, fragments, variables, visited, insideConnection);
    } else {
      const frag = fragments[sel.name.value];
      if (!frag || visited.has(frag.name.value)) continue; // cycles are a validation error anyway
      visited.add(frag.name.value);
      child = measure(frag.selectionSet, parent, fragments, variables, visited, insideConnection);
      visited.delete(frag.name.value);
    }
    depth = Math.max(depth, child.depth);
    cost += child.cost;
    aliases += child.aliases;
  }
  return { depth, cost, aliases };
}

/** Measures every operation of a document against the schema. */
export function measureOperations(ctx: ValidationContext, variables: Record<string, unknown>): Array<Measure & { name: string }> {
  const doc = ctx.getDocument();
  const schema = ctx.getSchema();
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  const out: Array<Measure & { name: string }> = [];
  for (const d of doc.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = d.operation === 'query' ? schema.getQueryType() : d.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
    if (!root) continue;
    const m = measure(d.selectionSet, root, fragments, variables, new Set());
    if (d.operation === 'mutation') m.cost += MUTATION_COST * d.selectionSet.selections.length;
    out.push({ ...m, name: d.name?.value ?? '(anonymous)' });
  }
  return out;
}

/**
 * Validation rule enforcing depth, cost and alias limits. Used by Apollo Server over HTTP and
 * by the graphql-ws server (which bypasses Apollo's pipeline), so both apply the same limits.
 */
export function operationLimitsRule(limits: OperationLimits, variables: Record<string, unknown> = {}): ValidationRule {
  return (ctx: ValidationContext) => ({
    Document: {
      leave() {
        for (const m of measureOperations(ctx, variables)) {
          if (m.depth > limits.maxDepth) {
            ctx.reportError(new GraphQLError(`Operation ${m.name} is ${m.depth} levels deep; the limit is ${limits.maxDepth}`, { extensions: { code: 'QUERY_TOO_COMPLEX' } }));
          }
          if (m.cost > limits.maxCost) {
            ctx.reportError(new GraphQLError(`Operation ${m.name} costs ${m.cost} points; the limit is ${limits.maxCost} (lower \`first\` or select less)`, { extensions: { code: 'QUERY_TOO_COMPLEX', cost: m.cost } }));
          }
          if (m.aliases > limits.maxAliases) {
            ctx.reportError(new GraphQLError(`Operation ${m.name} uses ${m.aliases} aliases; the limit is ${limits.maxAliases}`, { extensions: { code: 'QUERY_TOO_COMPLEX' } }));
          }
        }
      },
    },
  });
}
