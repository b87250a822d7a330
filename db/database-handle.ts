/** An open database of one dialect: what createDatabase returns, whichever it picked. */
export interface DatabaseHandle<Dialect extends string, Db> {
  readonly dialect: Dialect;
  readonly db: Db;
  /** True when `error` (or what caused it) means the database cannot be reached or cannot answer now, rather than a bug: worth a retry later. */
  isUnavailable(error: unknown): boolean;
  /** Cheap reachability probe for /healthz; never throws. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
