// What both dialects' note queries share, written once: row → record, and
// which rows each query touches.
import { and, eq, inArray, lt, sql, type Column, type SQL } from 'drizzle-orm';
import type { UserId } from '../platform/ids.js';
import { visibleTo, type OwnerScope } from '../repositories/owner-scope.js';
import type { NoteId, NoteRecord } from './note-repository.js';

/** Rows of a batch, grouped by owner in the order the query returned them. */
export function byOwner(ownerIds: readonly UserId[], rows: readonly NoteRecord[]): ReadonlyMap<UserId, readonly NoteRecord[]> {
  const grouped = new Map<UserId, NoteRecord[]>(ownerIds.map((id) => [id, []]));
  for (const row of rows) grouped.get(row.ownerId)?.push(row);
  return grouped;
}

/** A stored row (either dialect infers this shape) as a record. */
export const toNote = (row: { id: string; ownerId: string; title: string; body: string; createdAt: number; updatedAt: number }): NoteRecord => ({
  id: row.id as NoteId,
  ownerId: row.ownerId as UserId,
  title: row.title,
  body: row.body,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

/** Which rows each note query touches, once for both dialects (as repositories/session-filters.ts does). */
export const noteFilters = (n: { readonly id: Column; readonly ownerId: Column }) => ({
  visible: (id: NoteId, scope: OwnerScope): SQL => and(eq(n.id, id), visibleTo(n.ownerId, scope)) ?? sql`false`,
  ofOwners: (ownerIds: readonly UserId[], after: NoteId | undefined): SQL =>
    and(inArray(n.ownerId, [...ownerIds]), after === undefined ? undefined : lt(n.id, after)) ?? sql`false`,
  /** Newest first within each owner: the (owner_id, id) index serves it. */
  rankWithinOwner: (): SQL<number> => sql<number>`row_number() over (partition by ${n.ownerId} order by ${n.id} desc)`,
});
