// The notes table behind one interface; note-repository.sqlite.ts and
// note-repository.pg.ts hold the tables and queries, and the conditions they
// share are written once below. Plain records out, no Drizzle rows.
import { and, eq, inArray, lt, sql, type Column, type SQL } from 'drizzle-orm';
import type { Brand, UserId } from '../platform/ids.js';
import { visibleTo, type OwnerScope } from '../repositories/owner-scope.js';

export type NoteId = Brand<string, 'NoteId'>;

export interface NoteRecord {
  readonly id: NoteId;
  /** The ownerField of `type Note`: the access rule compares it with the viewer. */
  readonly ownerId: UserId;
  readonly title: string;
  readonly body: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface NewNote {
  readonly id: NoteId;
  readonly ownerId: UserId;
  readonly title: string;
  readonly body: string;
  readonly now: number;
}

export interface NoteChanges {
  readonly title?: string | undefined;
  readonly body?: string | undefined;
}

export interface NoteRepository {
  /** The note, if `scope` may see it; someone else's reads as missing. */
  find(id: NoteId, scope: OwnerScope): Promise<NoteRecord | undefined>;
  /**
   * For each owner, their notes newest first (ids sort by creation), after
   * `after` if given, at most `limit` each: one query for the whole batch.
   */
  pagesOf(ownerIds: readonly UserId[], after: NoteId | undefined, limit: number): Promise<ReadonlyMap<UserId, readonly NoteRecord[]>>;
  /** How many notes each owner has: one query for the batch. */
  countsOf(ownerIds: readonly UserId[]): Promise<ReadonlyMap<UserId, number>>;
  insert(note: NewNote): Promise<NoteRecord>;
  /** Changes the note if `scope` may see it; undefined (nothing changed) otherwise. */
  update(id: NoteId, scope: OwnerScope, changes: NoteChanges, now: number): Promise<NoteRecord | undefined>;
  /** Deletes the note if `scope` may see it, returning what was deleted. */
  delete(id: NoteId, scope: OwnerScope): Promise<NoteRecord | undefined>;
}

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
