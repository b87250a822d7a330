/** An open database of one dialect: what createDatabase returns, whichever it picked. */
export interface DatabaseHandle<Dialect extends string, Db> {
  readonly dialect: Dialect;
  readonly db: Db;
  /** Cheap reachability probe for /healthz; never throws. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
