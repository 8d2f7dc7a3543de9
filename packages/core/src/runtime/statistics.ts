/**
 * What `wasmedge --enable-time-measuring` reports, as far as V8 lets it be measured honestly:
 * the wall time of the guest's code (start function under a time limit, `_initialize`, `_start`,
 * or the function Runtime.invoke calls) and, within it, the time spent in host functions (every
 * imported function: WASI, plug-ins, JS), with each one's number of calls. The wasm time is the
 * difference. Timing wraps each import in a JS function, so it is only done when asked for
 * (RuntimeOptions.statistics): it costs a clock read on both sides of every host call.
 */

/** Calls of one host function and the time spent in them. */
export interface HostFunctionStatistics {
  calls: number;
  nanoseconds: bigint;
}

/** The time statistics of a run ({@link Runtime.lastStatistics}). */
export interface RunStatistics {
  /** Wall time of the guest's code, host calls included, in nanoseconds. */
  totalNanoseconds: bigint;
  /** Of which in host functions. */
  hostNanoseconds: bigint;
  /** Of which in wasm code (total minus host). */
  wasmNanoseconds: bigint;
  /** By `module.name` of the import, in the order first called. */
  hostFunctions: ReadonlyMap<string, HostFunctionStatistics>;
}

export class StatisticsRecorder {
  #total = 0n;
  #host = 0n;
  #depth = 0;
  readonly #functions = new Map<string, HostFunctionStatistics>();

  /** Runs the guest code `fn`, adding its time to the total (nested calls count once). */
  measure<T>(fn: () => T): T {
    if (this.#depth > 0) return fn();
    const start = process.hrtime.bigint();
    this.#depth++;
    try {
      return fn();
    } finally {
      this.#depth--;
      this.#total += process.hrtime.bigint() - start;
    }
  }

  /** Replaces every imported function with one that times its calls. */
  wrapImports(imports: Record<string, object>): void {
    for (const [moduleName, module] of Object.entries(imports)) {
      const target = module as Record<string, unknown>;
      for (const [name, value] of Object.entries(target)) {
        if (typeof value !== 'function') continue;
        const key = `${moduleName}.${name}`;
        const fn = value as (...args: unknown[]) => unknown;
        target[name] = (...args: unknown[]): unknown => {
          const start = process.hrtime.bigint();
          try {
            return fn(...args);
          } finally {
            const spent = process.hrtime.bigint() - start;
            this.#host += spent;
            const entry = this.#functions.get(key);
            if (entry) {
              entry.calls++;
              entry.nanoseconds += spent;
            } else this.#functions.set(key, { calls: 1, nanoseconds: spent });
          }
        };
      }
    }
  }

  get statistics(): RunStatistics {
    const total = this.#total > this.#host ? this.#total : this.#host;
    return { totalNanoseconds: total, hostNanoseconds: this.#host, wasmNanoseconds: total - this.#host, hostFunctions: new Map(this.#functions) };
  }
}
