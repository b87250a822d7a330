// One validation rule for the shape limits: depth, aliases, directives and
// cost. Apollo answers a validation error with HTTP 400 and code
// GRAPHQL_VALIDATION_FAILED before anything executes; `extensions.limit` says
// which limit, `max` its value.
import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type ValidationContext, type ValidationRule } from 'graphql';
import type { Config } from '../../platform/config.js';
import { createOperationMeasurer } from './operation-measurer.js';

type Limits = Config['operationLimits'];

export function operationLimitsRule(limits: Limits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const document = context.getDocument();
    const report = (limit: string, max: number, message: string) => context.reportError(new GraphQLError(message, { extensions: { limit, max } }));
    let directives = 0;
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    const measure = createOperationMeasurer(context.getSchema(), fragments);
    return {
      Directive() {
        directives += 1;
      },
      OperationDefinition(node) {
        const root = context.getSchema().getRootType(node.operation) ?? undefined;
        const { depth, aliases, cost } = measure(node.selectionSet, root);
        const name = node.name ? `Operation ${node.name.value}` : 'The operation';
        if (depth > limits.maxDepth) report('depth', limits.maxDepth, `${name} nests ${depth} levels deep; at most ${limits.maxDepth} are allowed`);
        if (aliases > limits.maxAliases) report('aliases', limits.maxAliases, `${name} uses ${aliases} aliases; at most ${limits.maxAliases} are allowed`);
        if (cost > limits.maxCost) report('cost', limits.maxCost, `${name} costs an estimated ${cost} field resolutions; at most ${limits.maxCost} are allowed`);
      },
      Document: {
        leave() {
          if (directives > limits.maxDirectives) report('directives', limits.maxDirectives, `The document uses ${directives} directives; at most ${limits.maxDirectives} are allowed`);
        },
      },
    };
  };
}
