// One page of a Relay connection, built the same way for every list: the
// repository is asked for one row more than the page holds, which tells
// whether another page follows without a count query.
export interface Page<Node> {
  readonly edges: ReadonlyArray<{ readonly cursor: string; readonly node: Node }>;
  readonly pageInfo: {
    readonly hasNextPage: boolean;
    readonly hasPreviousPage: boolean;
    readonly startCursor: string | null;
    readonly endCursor: string | null;
  };
}

/** `rows` as read with limit + 1; `afterGiven` says whether the page starts after a cursor. */
export function toPage<Node>(rows: readonly Node[], limit: number, afterGiven: boolean, cursorOf: (node: Node) => string): Page<Node> {
  const edges = rows.slice(0, limit).map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: afterGiven,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
