// Values to fill in when a prepared statement runs, named like the columns
// they go to: `values(placeholders('id', 'userId'))`, then `.execute(row)`.
import { sql, type Placeholder } from 'drizzle-orm';

export const placeholders = <K extends string>(...names: K[]) => Object.fromEntries(names.map((name) => [name, sql.placeholder(name)])) as Record<K, Placeholder<K>>;
