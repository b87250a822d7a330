// The notes domain as the server loads it (src/modules.ts): the tables behind
// the owned type, the codegen mappers, and the factory that picks the
// repository for the dialect and wires service and resolvers. This is the
// domain's one public entry; the resolvers reach storage only through the service.
import type { DomainModule } from '../domain-module.js';
import { byDialect } from '../repositories/create-repositories.js';
import { createPgNoteRepository, notes as pgNotes } from './note-repository.pg.js';
import { createSqliteNoteRepository, notes as sqliteNotes } from './note-repository.sqlite.js';
import { createNoteResolvers } from './note-resolvers.js';
import { createNoteService } from './note-service.js';

const createNoteRepository = byDialect(createPgNoteRepository, createSqliteNoteRepository);

export const notesModule: DomainModule = {
  name: 'notes',
  tables: { Note: { sqlite: sqliteNotes, pg: pgNotes } },
  mappers: { Note: '../notes/note-repository.js#NoteRecord', NoteConnection: '../notes/note-service.js#NotePage' },
  create({ database, audit, clock, loadUser }) {
    const service = createNoteService({ notes: createNoteRepository(database), loadUser, audit, clock });
    return { resolvers: createNoteResolvers(service), policies: service.policies };
  },
};
