// What only Apollo knows about a request, added to its trace for the request
// line: the operation's name, type and root fields, the viewer, each error
// code. Denied fields become access.denied audit events, and the login field's
// duration goes to its histogram.
import { performance } from 'node:perf_hooks';
import type { GraphQLRequestContext, GraphQLRequestContextDidEncounterErrors, GraphQLRequestContextDidResolveOperation, GraphQLRequestExecutionListener } from '@apollo/server';
import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import type { AccessMap } from '../access/index.js';
import type { AuditLog } from '../platform/audit.js';
import { ScopeRequiredError } from '../platform/errors.js';
import type { RequestContext } from '../platform/request-context.js';
import { accessDenials } from './access-denials.js';
import { errorCode } from './error-code.js';
import { rootFieldNames, type Fragments } from './field-at-path.js';
import type { Metrics } from './metrics.js';
import type { RequestTracker } from './request-tracker.js';

const fragmentsOf = (document: DocumentNode | undefined): Fragments =>
  Object.fromEntries(
    (document?.definitions ?? []).filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );

// Apollo keeps parsed documents, so a client repeating a query hands over the
// same operation node each time: its root fields are worked out once.
const rootFieldsSeen = new WeakMap<OperationDefinitionNode, readonly string[]>();
function rootFieldsOf(operation: OperationDefinitionNode, document: DocumentNode | undefined): readonly string[] {
  let fields = rootFieldsSeen.get(operation);
  if (fields === undefined) {
    fields = rootFieldNames(operation, fragmentsOf(document));
    rootFieldsSeen.set(operation, fields);
  }
  return fields;
}

export interface RequestLogDeps {
  readonly tracker: RequestTracker;
  readonly audit: AuditLog;
  readonly access: AccessMap;
  readonly metrics: Metrics;
}

/** What the request log takes from Apollo, stage by stage (called by http/graphql-plugin.ts). */
export interface RequestLog {
  started(requestContext: GraphQLRequestContext<RequestContext>): void;
  operationResolved(requestContext: GraphQLRequestContextDidResolveOperation<RequestContext>): void;
  /** The execution listener of a mutation: it times the login field. */
  readonly mutationExecution: GraphQLRequestExecutionListener<RequestContext>;
  errorsEncountered(requestContext: GraphQLRequestContextDidEncounterErrors<RequestContext>): void;
}

export function createRequestLog({ tracker, audit, access, metrics }: RequestLogDeps): RequestLog {
  return {
    started({ contextValue, request }) {
      const trace = tracker.find(contextValue.origin);
      if (trace) trace.operationName = request.operationName ?? undefined;
    },

    operationResolved({ contextValue, operation, operationName, document }) {
      const trace = tracker.find(contextValue.origin);
      if (!trace || !operation) return;
      trace.operationName = operationName ?? undefined;
      trace.operationType = operation.operation;
      trace.rootFields = rootFieldsOf(operation, document);
    },

    mutationExecution: {
      willResolveField({ info }) {
        if (info.parentType.name !== 'Mutation' || info.fieldName !== 'login') return;
        const startedAt = performance.now();
        // Shield returns a refused field's error instead of throwing it.
        return (error, result) => {
          const failure = error ?? (result instanceof Error ? result : undefined);
          metrics.loginFinished(failure ? errorCode(failure) : 'success', (performance.now() - startedAt) / 1000);
        };
      },
    },

    errorsEncountered({ contextValue, errors, operation, document, schema, request: { variables } }) {
      const trace = tracker.find(contextValue.origin);
      if (trace) for (const error of errors) tracker.noteError(trace, errorCode(error));
      if (!operation) return;
      const viewer = contextValue.viewer;
      const actorId = viewer.kind === 'anonymous' ? undefined : viewer.userId;
      for (const { reason, requiredScopes, ...denial } of accessDenials({ schema, operation, fragments: fragmentsOf(document), variables, errors }, access)) {
        // An API key outside its scopes is a refusal of the key, recorded as such.
        if (reason === ScopeRequiredError.reason && viewer.kind === 'apiKey') {
          audit.record({ type: 'api_key.refused', origin: contextValue.origin, actorId, reason: 'scope', apiKeyId: viewer.apiKeyId, requiredScopes, ...denial });
        } else {
          audit.record({ type: 'access.denied', origin: contextValue.origin, actorId, ...(reason === undefined ? {} : { reason }), ...denial });
        }
      }
    },
  };
}
