// WebAssembly text → binary with the wabt npm package (a root devDependency).
import { createRequire } from 'node:module';

type Wabt = { parseWat: (name: string, text: string) => { toBinary: (options: object) => { buffer: Uint8Array } } };

let wabt: Promise<Wabt> | undefined;

export async function compileWat(text: string, name = 'guest.wat'): Promise<Uint8Array> {
  wabt ??= (createRequire(import.meta.url)('wabt') as () => Promise<Wabt>)();
  return (await wabt).parseWat(name, text).toBinary({}).buffer;
}

/** A guest whose _start calls wasmedge_process_get_exit_code once: importing it loads the process plug-in. */
export const PROCESS_EXIT_CODE_GUEST = `(module
  (import "wasmedge_process" "wasmedge_process_get_exit_code" (func $exit_code (result i32)))
  (memory (export "memory") 1)
  (func (export "_start") (drop (call $exit_code))))`;
