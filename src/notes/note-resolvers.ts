// Thin resolvers for notes: unpack the arguments, call the service (index.ts
// wires them into the module the server loads).
import type { Resolvers } from '../generated/resolvers-types.js';
import { actingUser } from '../resolvers/signed-in-viewer.js';
import type { NoteService } from './note-service.js';

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
