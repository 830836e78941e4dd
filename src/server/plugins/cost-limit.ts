// Refuses an operation whose estimated cost is over a limit, after validation and before any
// resolver runs, so an expensive query costs amoCRM nothing. The estimate is the Pothos
// complexity plugin's (configured in src/schema/builder.ts): every field costs 1, and a list
// multiplies what is under it by the items it may return, `first`/`last` for connections.
//
// Why at execution rather than as a validation rule: the cost depends on the request's variables
// (`first: $n`), and Yoga caches validation results per document, so a rule here would let one
// request's verdict answer another's.

import { createComplexityRule } from '@pothos/plugin-complexity';
import { getOperationAST, GraphQLError, validate, type DocumentNode, type ExecutionArgs } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface CostLimitOptions {
  /** The highest estimated cost an operation may have. */
  maxCost: number;
}

/**
 * Every operation in examples/ costs at most a quarter of this (a test keeps it so); three
 * nested lists of 250 (`leads(first: 250) { contacts(first: 250) { leads(first: 250) } }`, about
 * 47M) are far over it.
 */
export const DEFAULT_COST_LIMIT: CostLimitOptions = { maxCost: 2_000_000 };

export const COST_LIMIT_CODE = 'COST_LIMIT_EXCEEDED';

/** Errors from here are request errors: no `data`, HTTP 400 with application/graphql-response+json. */
function requestError(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code: (error.extensions.code as string | undefined) ?? code, http: { status: 400, spec: true } },
  });
}

/** The cost errors for one request, or none: the complexity rule also coerces the variables. */
export function costErrors(args: Pick<ExecutionArgs, 'schema' | 'document' | 'contextValue' | 'variableValues' | 'operationName'>, maxCost: number): GraphQLError[] {
  const operation = getOperationAST(args.document, args.operationName);
  // No single operation to run: execution refuses it before any resolver, with its own error.
  if (!operation) return [];
  // graphql 16 validates `mutation { … }` against a schema without mutations; execution would
  // refuse it, but as a 200. Say so as the validation error it is.
  if (!args.schema.getRootType(operation.operation)) {
    return [requestError(new GraphQLError(`This API has no ${operation.operation} operations.`, { nodes: operation }), 'GRAPHQL_VALIDATION_FAILED')];
  }
  const rule = createComplexityRule({
    context: (args.contextValue ?? {}) as object,
    variableValues: (args.variableValues ?? {}) as Record<string, unknown>,
    operationName: args.operationName,
    validate: ({ complexity }, report) => {
      if (complexity <= maxCost) return;
      report(
        new GraphQLError(
          `Query cost ${complexity} exceeds the limit of ${maxCost}. A list costs what it selects once per item it may return ` +
            '(`first`/`last`, else 50 for root lists and 25 for relations); ask for smaller pages or fewer nested lists.',
          { extensions: { code: COST_LIMIT_CODE, cost: { estimated: complexity, max: maxCost } } },
        ),
      );
    },
  });
  // Variable coercion errors and out-of-range `first`/`last` come back here too: bad input.
  return validate(args.schema, args.document as DocumentNode, [rule]).map((error) => requestError(error, 'BAD_USER_INPUT'));
}

export function useCostLimit(options: Partial<CostLimitOptions> = {}): Plugin {
  const { maxCost } = { ...DEFAULT_COST_LIMIT, ...options };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const errors = costErrors(args, maxCost);
      if (errors.length > 0) setResultAndStopExecution({ errors });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const errors = costErrors(args, maxCost);
      if (errors.length > 0) setResultAndStopExecution({ errors });
    },
  };
}
