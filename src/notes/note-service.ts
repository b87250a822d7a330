// The Note domain's rules. Who may see a note is declared in notes.graphql
// and enforced by the access stage on every field; here, each query is scoped
// to what the viewer may see (so someone else's note reads as missing, and
// lists page correctly), inputs are checked, and lookups are batched per request.
import DataLoader from 'dataloader';
import type { AuditLog } from '../platform/audit.js';
import type { Clock } from '../platform/clock.js';
import { BadUserInputError } from '../platform/errors.js';
import { isId, newId, type UserId } from '../platform/ids.js';
import type { Policy } from '../platform/policy.js';
import type { Actor, RequestOrigin, RequestScope } from '../platform/request-context.js';
import { ownerScopeOf } from '../repositories/owner-scope.js';
import type { UserRecord } from '../repositories/records.js';
import { checkPageSize, checkStorableText, createCursors, hasControlCharacter } from '../services/input.js';
import { toPage, type Page } from '../services/page.js';
import type { LoadUser } from '../services/user-loader.js';
import type { NoteId, NoteRecord, NoteRepository } from './note-repository.js';

export type NotePage = Page<NoteRecord>;

export interface NoteInput {
  readonly title?: string | null | undefined;
  readonly body?: string | null | undefined;
}

export interface NoteService {
  /** The viewer's note (any, for an ADMIN); null for a missing note and for someone else's alike. */
  byId(viewer: Actor, id: string): Promise<NoteRecord | null>;
  /** `ownerId`'s notes, newest first; the access rule has already decided the viewer may read them. */
  pageOf(ownerId: UserId, first: number, after: string | null | undefined, scope: RequestScope): Promise<NotePage>;
  ownerOf(note: NoteRecord, scope: RequestScope): Promise<UserRecord>;
  create(viewer: Actor, input: { readonly title: string; readonly body: string }): Promise<NoteRecord>;
  update(viewer: Actor, id: string, changes: NoteInput, origin: RequestOrigin): Promise<NoteRecord | null>;
  delete(viewer: Actor, id: string, origin: RequestOrigin): Promise<boolean>;
  /** The policies notes.graphql names. */
  readonly policies: readonly Policy[];
}

export const noteLimits = { titleMax: 200, bodyMax: 20_000, perUser: 1_000 } as const;

const { toCursor, parseCursor } = createCursors<NoteId>('n:');
// Code points, not UTF-16 units: an emoji is one character to the person typing it.
const lengthOf = (text: string) => [...text].length;

function checkTitle(title: string): string {
  const trimmed = title.trim();
  if (lengthOf(trimmed) < 1 || lengthOf(trimmed) > noteLimits.titleMax) throw new BadUserInputError('title', `Title must be 1 to ${noteLimits.titleMax} characters`);
  if (hasControlCharacter(trimmed)) throw new BadUserInputError('title', 'A title is one line, without control characters');
  return trimmed;
}

function checkBody(body: string): string {
  if (lengthOf(body) > noteLimits.bodyMax) throw new BadUserInputError('body', `Body must be at most ${noteLimits.bodyMax} characters`);
  checkStorableText(body, 'body');
  return body;
}

function parseNoteId(id: string, field = 'id'): NoteId {
  if (!isId(id)) throw new BadUserInputError(field, 'Not a valid note id');
  return id as NoteId;
}

export function createNoteService(deps: { notes: NoteRepository; loadUser: LoadUser; audit: AuditLog; clock: Clock }): NoteService {
  const { notes, loadUser, audit, clock } = deps;
  const pageLoaders = {}; // this service's slot in each request's scope

  // One loader per page shape (size, cursor): every User.notes of a users list
  // with the same arguments is one query.
  function pagesLoader(scope: RequestScope, limit: number, after: NoteId | undefined) {
    const loaders = scope.memo(pageLoaders, () => new Map<string, DataLoader<UserId, readonly NoteRecord[]>>());
    const key = `${limit}:${after ?? ''}`;
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (ownerIds: readonly UserId[]) => {
        const pages = await notes.pagesOf(ownerIds, after, limit);
        return ownerIds.map((id) => pages.get(id) ?? []);
      });
      loaders.set(key, loader);
    }
    return loader;
  }

  const quota: Policy = {
    name: 'NOTE_QUOTA',
    description: `The viewer holds fewer than ${noteLimits.perUser} notes.`,
    async decide(requests) {
      const counts = await notes.countsOf([...new Set(requests.map((r) => r.viewer.userId))]);
      return requests.map((r) => (counts.get(r.viewer.userId) ?? 0) < noteLimits.perUser);
    },
  };

  return {
    policies: [quota],

    async byId(viewer, id) {
      return (await notes.find(parseNoteId(id), ownerScopeOf(viewer))) ?? null;
    },

    async pageOf(ownerId, first, after, scope) {
      const limit = checkPageSize(first);
      const afterId = after === null || after === undefined ? undefined : parseCursor(after);
      const rows = await pagesLoader(scope, limit + 1, afterId).load(ownerId);
      return toPage(rows, limit, afterId !== undefined, (note) => toCursor(note.id));
    },

    async ownerOf(note, scope) {
      const owner = await loadUser(scope, note.ownerId);
      // Deleting a user deletes their notes, so only a race gets here.
      if (!owner) throw new Error(`note ${note.id} has no owner`);
      return owner;
    },

    async create(viewer, { title, body }) {
      const now = clock.now();
      // The owner is the viewer, always: it is never an input.
      return notes.insert({ id: newId() as NoteId, ownerId: viewer.userId, title: checkTitle(title), body: checkBody(body), now });
    },

    async update(viewer, id, changes, origin) {
      const noteId = parseNoteId(id);
      const title = changes.title === null || changes.title === undefined ? undefined : checkTitle(changes.title);
      const body = changes.body === null || changes.body === undefined ? undefined : checkBody(changes.body);
      const updated = await notes.update(noteId, ownerScopeOf(viewer), { title, body }, clock.now());
      if (updated && updated.ownerId !== viewer.userId) {
        audit.record({ type: 'note.updated', origin, actorId: viewer.userId, subjectId: updated.ownerId, noteId });
      }
      return updated ?? null;
    },

    async delete(viewer, id, origin) {
      const noteId = parseNoteId(id);
      const deleted = await notes.delete(noteId, ownerScopeOf(viewer));
      // An ADMIN deleting someone else's note is on the record; its text is not.
      if (deleted && deleted.ownerId !== viewer.userId) {
        audit.record({ type: 'note.deleted', origin, actorId: viewer.userId, subjectId: deleted.ownerId, noteId });
      }
      return deleted !== undefined;
    },
  };
}
