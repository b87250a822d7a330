// The token limit is enforced by graphql's own parser (`maxLexicalTokens`),
// which stops reading at the limit instead of building a huge AST first.
// Apollo reports any parse failure as GRAPHQL_PARSE_FAILED; a refusal by this
// limit is relabelled BAD_REQUEST (HTTP 400 either way) with a plain message.
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../../platform/errors.js';

export const tokenLimitParseOptions = (maxTokens: number) => ({ maxLexicalTokens: maxTokens });

// graphql 16.15 spells it "more that"; accept either spelling.
const parserMessage = /^Syntax Error: Document contains more tha[nt] (\d+) tokens\b/;

export function relabelTokenLimit(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const match = formatted.extensions?.['code'] === ErrorCode.GRAPHQL_PARSE_FAILED ? parserMessage.exec(formatted.message) : null;
  if (!match) return formatted;
  const max = Number(match[1]);
  return { message: `The document has more than ${max} tokens; at most ${max} are allowed`, extensions: { code: ErrorCode.BAD_REQUEST, limit: 'tokens', max } };
}
