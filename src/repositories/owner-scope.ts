// Which rows of an owned table a viewer may see, decided once and turned into
// SQL by every repository of an owned type: the owner's own rows for a USER,
// every row for an ADMIN. Lists filtered here keep their page sizes, cursors
// and hasNextPage right, which filtering after the query could not.
import { eq, type Column, type SQL } from 'drizzle-orm';
import type { UserId } from '../platform/ids.js';
import type { Actor } from '../platform/request-context.js';

export type OwnerScope = { readonly kind: 'any' } | { readonly kind: 'owner'; readonly userId: UserId };

export const anyOwner: OwnerScope = Object.freeze({ kind: 'any' });

/** The rows `viewer` may see: the same rule as @auth(requires: OWNER, ownerField: …). */
export const ownerScopeOf = (viewer: Actor): OwnerScope => (viewer.role === 'ADMIN' ? anyOwner : { kind: 'owner', userId: viewer.userId });

/** The condition on `ownerColumn` for `scope`; undefined (no condition) for every owner. */
export const visibleTo = (ownerColumn: Column, scope: OwnerScope): SQL | undefined => (scope.kind === 'any' ? undefined : eq(ownerColumn, scope.userId));
