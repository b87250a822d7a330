// What a domain of one's own is to the server (see docs/your-domain.md): its
// SDL, the tables behind the types it owns, and a factory for its resolvers
// and policies. src/modules.ts lists the domains; app.ts, the CLI's
// permissions command and codegen all read that one list.
import type { Table } from 'drizzle-orm';
import type { Database } from '../db/create-database.js';
import type { Resolvers } from './generated/resolvers-types.js';
import type { AuditLog } from './platform/audit.js';
import type { Clock } from './platform/clock.js';
import type { Policy } from './platform/policy.js';
import type { LoadUser } from './services/user-loader.js';

/** The same table in both dialects: ownerField is checked against both. */
export interface DialectTables {
  readonly sqlite: Table;
  readonly pg: Table;
}

/** What the server hands every domain's factory. */
export interface DomainDeps {
  readonly database: Database;
  readonly audit: AuditLog;
  readonly clock: Clock;
  /** Users by id, batched per request (for fields like Note.owner). */
  readonly loadUser: LoadUser;
}

export interface DomainParts {
  readonly resolvers: Resolvers;
  /** Every policy the domain's SDL names in @auth(policy: …), and no other. */
  readonly policies?: readonly Policy[];
}

export interface DomainModule {
  readonly name: string;
  /** GraphQL type → the table its objects come from, for `ownerField` checks at boot. */
  readonly tables: Readonly<Record<string, DialectTables>>;
  /** GraphQL type → `path#Type` of the object resolvers receive, for codegen (paths from src/generated/). */
  readonly mappers: Readonly<Record<string, string>>;
  create(deps: DomainDeps): DomainParts;
}
