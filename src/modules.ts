// The domains served beside the server's own users and sessions: one line
// each (docs/your-domain.md). app.ts, the CLI's permissions command and
// codegen.ts read this list; a domain's SDL (src/<domain>/*.graphql) is
// loaded by glob with schema/.
import { getTableColumns } from 'drizzle-orm';
import { users as pgUsers } from '../db/pg/schema.js';
import { users as sqliteUsers } from '../db/sqlite/schema.js';
import type { DialectTables, DomainModule } from './domain-module.js';
import { notesModule } from './notes/index.js';

export const domainModules: readonly DomainModule[] = [notesModule];

/** The server's own types backed by a table, for ownerField checks. */
const coreTables: Readonly<Record<string, DialectTables>> = { User: { sqlite: sqliteUsers, pg: pgUsers } };

/** The columns (by property name) a type's table has in both dialects; undefined for a type without a table. */
export function columnsOf(modules: readonly DomainModule[] = domainModules): (typeName: string) => readonly string[] | undefined {
  const tables = new Map(Object.entries(coreTables));
  for (const module of modules) for (const [typeName, table] of Object.entries(module.tables)) tables.set(typeName, table);
  return (typeName) => {
    const table = tables.get(typeName);
    if (!table) return undefined;
    const inPg = new Set(Object.keys(getTableColumns(table.pg)));
    return Object.keys(getTableColumns(table.sqlite)).filter((column) => inPg.has(column));
  };
}
