import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { GraphQLError, type ValidationRule } from 'graphql';
import type { LimitsConfig } from '../config/config.type';
import type { LimitName } from './limit-error';

/**
 * graphql-armor's depth, alias and directive limits, as validation rules. Each refusal is a validation
 * error (GRAPHQL_VALIDATION_FAILED, HTTP 400) that names the limit in `extensions.limit`. The other
 * armor protections have better homes: field suggestions are hidden by Apollo itself
 * (hideSchemaDetailsFromClientErrors), tokens are counted by Apollo's parser (maxTokens, an HTTP 400
 * where armor's plugin answers 500), and cost needs list multipliers (query-cost.ts).
 */
export function shapeRules(limits: LimitsConfig): ValidationRule[] {
  const refusal = (limit: LimitName) => ({
    propagateOnRejection: false,
    onReject: [reportAs(limit)],
  });
  return new ApolloArmor({
    blockFieldSuggestion: { enabled: false },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    maxDepth: {
      n: limits.maxDepth,
      // A fragment is a way of writing a selection, not a level of the response.
      flattenFragments: true,
      ignoreIntrospection: true,
      ...refusal('depth'),
    },
    maxAliases: { n: limits.maxAliases, ...refusal('aliases') },
    maxDirectives: { n: limits.maxDirectives, ...refusal('directives') },
  }).protect().validationRules;
}

function reportAs(limit: LimitName): GraphQLArmorRejectCallback {
  return (context, error) => {
    // armor words every refusal as a syntax error; these are limits.
    const message = error.message.replace(/^Syntax Error: /, '');
    context?.reportError(new GraphQLError(message, { extensions: { limit } }));
  };
}
