// The notes table behind one interface, types only; note-repository.sqlite.ts
// and note-repository.pg.ts hold the tables and queries, note-rows.ts the
// conditions they share, and index.ts picks one. Plain records out, no Drizzle rows.
import type { Brand, UserId } from '../platform/ids.js';
import type { OwnerScope } from '../repositories/owner-scope.js';

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
