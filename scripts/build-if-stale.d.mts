// Types for scripts/build-if-stale.mjs, which plain node runs before any build (no TypeScript then).
export interface Part {
  readonly name: string;
  readonly script: string;
  readonly sources: readonly string[];
  readonly stamp: string;
  readonly tool: string;
}
export declare const parts: readonly Part[];
export declare function newestChange(path: string): number;
export declare function isStale(root: string, sources: readonly string[], stamp: string): boolean;
export declare function explorerWanted(env: Readonly<Record<string, string | undefined>>): boolean;
export declare function partsToBuild(root: string, options?: { force?: boolean; only?: string; env?: Readonly<Record<string, string | undefined>> }): Part[];
export declare function build(root: string, toBuild: readonly Part[], log?: (message: string) => void): Promise<boolean>;
