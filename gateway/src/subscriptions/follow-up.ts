import {
  Kind,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from 'graphql';

/**
 * The fields of `selectionSet` (inline fragments and fragment spreads flattened), as the
 * executor would collect them for one object type.
 */
export function collectFields(selectionSet: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, out: FieldNode[] = []): FieldNode[] {
  for (const sel of selectionSet.selections) {
    if (sel.kind === Kind.FIELD) out.push(sel);
    else if (sel.kind === Kind.INLINE_FRAGMENT) collectFields(sel.selectionSet, fragments, out);
    else {
      const frag = fragments[sel.name.value];
      if (frag) collectFields(frag.selectionSet, fragments, out);
    }
  }
  return out;
}

/** Names of the variables and fragments a piece of a document refers to, transitively. */
function references(nodes: readonly SelectionSetNode[], fragments: Record<string, FragmentDefinitionNode>) {
  const variables = new Set<string>();
  const usedFragments = new Set<string>();
  const queue = [...nodes];
  while (queue.length) {
    const node = queue.pop() as SelectionSetNode | FragmentDefinitionNode;
    visit(node, {
      Variable: (v) => {
        variables.add(v.name.value);
      },
      FragmentSpread: (s) => {
        const frag = fragments[s.name.value];
        if (frag && !usedFragments.has(s.name.value)) {
          usedFragments.add(s.name.value);
          queue.push(frag.selectionSet);
        }
      },
    });
  }
  return { variables, usedFragments };
}

export interface FollowUp {
  document: DocumentNode;
  text: string;
  variables: Record<string, unknown>;
}

/**
 * A query that fetches, through the whole federated graph, exactly what the subscriber
 * selected on the entity: `entityFields` are the subscriber's fields that hold the entity
 * (with their aliases), each becoming `alias: rootField(id: $__id) { …selection }`.
 */
export function buildFollowUp(info: GraphQLResolveInfo, rootField: string, entityFields: FieldNode[], id: string): FollowUp {
  const selectionSets = entityFields.map((f) => f.selectionSet).filter((s): s is SelectionSetNode => Boolean(s));
  const { variables, usedFragments } = references(selectionSets, info.fragments);
  const varDefs: VariableDefinitionNode[] = (info.operation.variableDefinitions ?? []).filter((d) => variables.has(d.variable.name.value));
  const idVar: VariableDefinitionNode = {
    kind: Kind.VARIABLE_DEFINITION,
    variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: '__id' } },
    type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } } },
  };
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: 'query' as never,
        name: { kind: Kind.NAME, value: 'SubscriptionFollowUp' },
        variableDefinitions: [idVar, ...varDefs],
        selectionSet: {
          kind: Kind.SELECTION_SET,
          selections: entityFields.map((f) => ({
            kind: Kind.FIELD,
            alias: { kind: Kind.NAME, value: f.alias?.value ?? f.name.value },
            name: { kind: Kind.NAME, value: rootField },
            arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'id' }, value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: '__id' } } }],
            directives: f.directives,
            selectionSet: f.selectionSet,
          })),
        },
      },
      ...[...usedFragments].map((name) => info.fragments[name] as FragmentDefinitionNode),
    ],
  };
  const vars: Record<string, unknown> = { __id: id };
  for (const d of varDefs) vars[d.variable.name.value] = info.variableValues[d.variable.name.value];
  return { document, text: print(document), variables: vars };
}

/**
 * The snapshot carried by an event, shaped by the subscriber's selection (for a deleted
 * object there is nothing left to query). Fields the snapshot lacks are null.
 */
export function projectSnapshot(field: FieldNode, snapshot: Record<string, unknown>, fragments: Record<string, FragmentDefinitionNode>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!field.selectionSet) return out;
  for (const f of collectFields(field.selectionSet, fragments)) {
    const key = f.alias?.value ?? f.name.value;
    out[key] = f.name.value in snapshot ? snapshot[f.name.value] : null;
  }
  return out;
}

/**
 * The subscriber's selection answered from the event's snapshot alone, when every selected
 * field (at any depth) is in the snapshot and takes no arguments; null when a follow-up query
 * is needed. A dashboard watching phases and usage of a thousand hosts then costs no query
 * per heartbeat.
 */
export function selectFromSnapshot(selectionSet: SelectionSetNode, snapshot: Record<string, unknown>, fragments: Record<string, FragmentDefinitionNode>): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  for (const f of collectFields(selectionSet, fragments)) {
    const key = f.alias?.value ?? f.name.value;
    if (f.arguments?.length || f.directives?.length || !(f.name.value in snapshot)) return null;
    const value = snapshot[f.name.value];
    if (f.selectionSet && value !== null && value !== undefined) {
      if (typeof value !== 'object' || Array.isArray(value)) return null;
      const nested = selectFromSnapshot(f.selectionSet, value as Record<string, unknown>, fragments);
      if (!nested) return null;
      out[key] = nested;
    } else {
      out[key] = value ?? null;
    }
  }
  return out;
}
