// Refuses documents too large or too deep to be worth running, while they are parsed and
// validated: graphql-armor's token, depth, alias and directive limits, plus hiding "Did you
// mean" suggestions that would map out the schema for a prober.
//
// Each refusal is an ordinary validation error (HTTP 400 with application/graphql-response+json)
// with a stable `extensions.code`, never a thrown exception: armor's default of throwing from a
// validation rule makes Yoga answer 200 with no status of its own.

import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface DocumentLimitsOptions {
  /** Deepest field nesting; fragments do not count as a level, `__schema` introspection is exempt. */
  maxDepth: number;
  /** Aliased fields per operation (`__typename` aliases are free). */
  maxAliases: number;
  /** Lexical tokens per document; bounds parse and validation work, checked while parsing. */
  maxTokens: number;
  /** Directives per operation. */
  maxDirectives: number;
  /** Replace "Did you mean …" in validation errors (on in production). */
  hideSuggestions: boolean;
}

/**
 * Roomy for every operation in examples/ (deepest 7 levels, at most 14 aliases, 229 tokens, no
 * directives; GraphiQL's introspection query is under 200 tokens), tight for generated abuse.
 * Aliases get more room than the rest: each custom field type's `values` has its own type, so a
 * client reading every type's values needs one alias per type (about 30 for one entity); and
 * aliased copies of an expensive field are each charged by the cost limit anyway.
 */
export const DEFAULT_DOCUMENT_LIMITS: DocumentLimitsOptions = {
  maxDepth: 12,
  maxAliases: 100,
  maxTokens: 2000,
  maxDirectives: 50,
  hideSuggestions: true,
};

export const LIMIT_CODES = {
  depth: 'DEPTH_LIMIT_EXCEEDED',
  aliases: 'ALIAS_LIMIT_EXCEEDED',
  tokens: 'TOKEN_LIMIT_EXCEEDED',
  directives: 'DIRECTIVE_LIMIT_EXCEEDED',
} as const;

type ArmorConfig = NonNullable<Parameters<typeof EnvelopArmorPlugin>[0]>;
type RejectCallback = NonNullable<NonNullable<ArmorConfig['maxDepth']>['onReject']>[number];

/** armor prefixes every refusal with "Syntax Error: " even when the syntax is fine. */
function refusal(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code } });
}

function reportAs(code: string): { propagateOnRejection: false; onReject: RejectCallback[] } {
  return { propagateOnRejection: false, onReject: [(context, error) => context?.reportError(refusal(error, code))] };
}

export function useDocumentLimits(options: Partial<DocumentLimitsOptions> = {}): Plugin {
  const limits = { ...DEFAULT_DOCUMENT_LIMITS, ...options };
  return EnvelopArmorPlugin({
    maxTokens: {
      n: limits.maxTokens,
      // Counted by the parser, where there is no validation context to report to: throwing is the
      // only way out, and Yoga turns a parse error into a 400.
      onReject: [
        (_context, error) => {
          throw refusal(error, LIMIT_CODES.tokens);
        },
      ],
    },
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ...reportAs(LIMIT_CODES.depth) },
    maxAliases: { n: limits.maxAliases, ...reportAs(LIMIT_CODES.aliases) },
    maxDirectives: { n: limits.maxDirectives, ...reportAs(LIMIT_CODES.directives) },
    blockFieldSuggestion: { enabled: limits.hideSuggestions },
    // Cost is the schema's business: list sizes come from `first`/`last` (see cost-limit.ts).
    costLimit: { enabled: false },
  }) as Plugin;
}
