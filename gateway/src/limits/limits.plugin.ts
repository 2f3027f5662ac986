import { GraphQLError, validate } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { operationLimitsRule, type OperationLimits } from './operation-limits';

/**
 * Applies the depth, cost and alias limits once the operation is parsed and its variables
 * are known (a validation rule alone would price `first: $n` at the default page).
 */
export function operationLimitsPlugin<Ctx extends object>(limits: OperationLimits): ApolloServerPlugin<Ctx> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, schema }) {
          const errors = validate(schema, document, [operationLimitsRule(limits, request.variables ?? {})]);
          if (errors.length > 0) {
            throw new GraphQLError(errors.map((e) => e.message).join('; '), {
              extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
