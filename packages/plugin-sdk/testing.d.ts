export interface WsRun {
  /** Exit code of ws: the guest's exit code, 1 for a trap, 2 for a usage error. */
  status: number | null;
  stdout: string;
  stderr: string;
}
/** Path of the ws CLI of the @ws/core that `fromDir` (default: cwd) resolves. */
export declare function wsCliPath(fromDir?: string): string;
/** Throws one message listing every [file, command that makes it] whose file is missing. */
export declare function assertBuilt(needs: ReadonlyArray<readonly [file: string, fix: string]>): void;
/** Runs `ws <args...>` in a child process. */
export declare function runWs(
  args: readonly string[],
  options?: { cwd?: string; env?: Record<string, string>; timeout?: number; cli?: string },
): WsRun;
