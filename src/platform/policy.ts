// A named access rule that is not ownership ("the note is shared with me",
// "under the quota"): declared in the SDL with @auth(policy: "NAME"), written
// once as a function by the domain that owns it, and handed to the access
// stage by the composition root. The server refuses to start on a policy name
// the SDL uses but nobody registered, and on one registered but never used.
import type { Actor, RequestContext } from './request-context.js';

/** One field's question to a policy: may this viewer use it, with this parent and these arguments? */
export interface PolicyRequest {
  /** A signed-in person, or an API key acting for its user. */
  readonly viewer: Actor;
  readonly parent: unknown;
  readonly args: Readonly<Record<string, unknown>>;
}

export interface Policy {
  /** Upper snake case, as written in @auth(policy: "NAME"). */
  readonly name: string;
  /** One line for docs and review. */
  readonly description: string;
  /**
   * Decides every request of one tick of one GraphQL request at once (a list
   * of twenty notes asks once, not twenty times), answering in the same order.
   * May read the database; a thrown error fails those fields, it never allows.
   */
  decide(requests: readonly PolicyRequest[], context: RequestContext): Promise<readonly boolean[]>;
}
