// Thin resolvers for notes, and the module the server loads (src/modules.ts):
// the tables behind the owned type, the codegen mappers, and the factory.
import type { DomainModule } from '../domain-module.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { actingUser } from '../resolvers/signed-in-viewer.js';
import { createPgNoteRepository, notes as pgNotes } from './note-repository.pg.js';
import { createSqliteNoteRepository, notes as sqliteNotes } from './note-repository.sqlite.js';
import { createNoteService, type NoteService } from './note-service.js';

export const createNoteResolvers = (notes: NoteService): Resolvers => ({
  Query: {
    note: (_parent, { id }, ctx) => notes.byId(actingUser(ctx), id),
    // Your own notes: the owner is the viewer, for an ADMIN too.
    notes: (_parent, { first, after }, ctx) => notes.pageOf(actingUser(ctx).userId, first ?? 20, after, ctx.scope),
  },
  User: {
    notes: (user, { first, after }, ctx) => notes.pageOf(user.id, first ?? 20, after, ctx.scope),
  },
  Note: {
    owner: (note, _args, ctx) => notes.ownerOf(note, ctx.scope),
  },
  Mutation: {
    createNote: (_parent, { title, body }, ctx) => notes.create(actingUser(ctx), { title, body }),
    updateNote: (_parent, { id, title, body }, ctx) => notes.update(actingUser(ctx), id, { title, body }, ctx.origin),
    deleteNote: (_parent, { id }, ctx) => notes.delete(actingUser(ctx), id, ctx.origin),
  },
});

export const notesModule: DomainModule = {
  name: 'notes',
  tables: { Note: { sqlite: sqliteNotes, pg: pgNotes } },
  mappers: { Note: '../notes/note-repository.js#NoteRecord', NoteConnection: '../notes/note-service.js#NotePage' },
  create({ database, audit, clock, loadUser }) {
    const repository = database.dialect === 'postgres' ? createPgNoteRepository(database.db) : createSqliteNoteRepository(database.db);
    const service = createNoteService({ notes: repository, loadUser, audit, clock });
    return { resolvers: createNoteResolvers(service), policies: service.policies };
  },
};
