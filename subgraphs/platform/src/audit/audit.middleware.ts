import type { GraphQLOutputType } from 'graphql';
import { getNamedType, isObjectType } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError } from '../errors/domain-errors';
import type { RequestContext } from '../auth/viewer';

export type AuditOutcome = 'SUCCESS' | 'USER_ERROR' | 'DENIED' | 'ERROR';

export interface AuditRecord {
  actor: string;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  outcome: AuditOutcome;
  details: Record<string, unknown> | null;
  ipAddress: string | null;
}

/** Where audit records go. The write is awaited: a mutation is not answered unrecorded. */
export interface AuditSink {
  write(record: AuditRecord): Promise<void>;
}

const SECRET_FIELDS = /password|token|secret/i;

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_FIELDS.test(k) ? '[redacted]' : redact(v)]),
    );
  }
  return value;
}

/** The payload's first entity field (e.g. `virtualMachine`) names the resource acted on. */
function resourceOf(returnType: GraphQLOutputType, result: unknown, input: Record<string, unknown> | undefined) {
  const payloadType = getNamedType(returnType);
  if (isObjectType(payloadType) && result && typeof result === 'object') {
    for (const [name, field] of Object.entries(payloadType.getFields())) {
      const fieldType = getNamedType(field.type);
      const value = (result as Record<string, unknown>)[name];
      if (name === 'task' || name === 'userErrors' || !isObjectType(fieldType) || !value) continue;
      const id = (value as { id?: unknown }).id;
      if (typeof id === 'string') return { resourceType: fieldType.name, resourceId: id };
    }
    const deletedId = (result as { deletedId?: unknown }).deletedId;
    if (typeof deletedId === 'string') return { resourceType: null, resourceId: deletedId };
  }
  const inputId = input && ['id', 'virtualMachineId', 'volumeId', 'projectId', 'securityGroupId'].map((k) => input[k]).find((v) => typeof v === 'string');
  return { resourceType: null, resourceId: (inputId as string | undefined) ?? null };
}

/**
 * One audit mechanism for every mutation of every subgraph, allowed or refused: installed as
 * a global middleware by buildFederatedSchema, so a new mutation is audited without code.
 */
export function auditMiddleware(sink: AuditSink): MiddlewareFn<RequestContext> {
  return async ({ info, context, args }, next) => {
    if (info.parentType.name !== 'Mutation') return next();
    const input = (args as { input?: Record<string, unknown> }).input;
    const attempted = typeof input?.username === 'string' ? input.username : null;
    const actor = context.viewer?.username ?? attempted ?? 'anonymous';
    const record = (outcome: AuditOutcome, result: unknown, error?: unknown): AuditRecord => ({
      actor,
      action: info.fieldName,
      ...resourceOf(info.returnType, result, input),
      outcome,
      details: {
        input: redact(input ?? null),
        ...(outcome === 'USER_ERROR' ? { userErrors: (result as { userErrors: unknown }).userErrors } : {}),
        ...(error ? { error: error instanceof Error ? error.message : String(error) } : {}),
      },
      ipAddress: context.clientIp,
    });
    let result: unknown;
    try {
      result = await next();
    } catch (err) {
      const denied = err instanceof UnauthenticatedError || err instanceof ForbiddenError;
      await sink.write(record(denied ? 'DENIED' : 'ERROR', undefined, err));
      throw err;
    }
    const userErrors = (result as { userErrors?: unknown[] } | null)?.userErrors;
    await sink.write(record(userErrors && userErrors.length > 0 ? 'USER_ERROR' : 'SUCCESS', result));
    return result;
  };
}
