/**
 * Modules registered for linking, like `wasmedge --module NAME:PATH`: each is instantiated (its
 * start function runs) before the guest, in the order given, and the guest (and every later one)
 * imports its exports under NAME. A linked module may import only modules linked before it: ws
 * serves WASI and plug-in modules to the guest alone (node:wasi and the plug-in bridge work on one
 * memory, the guest's), so a library module that needs them is refused with the reason.
 */
import { WsError } from '../errors.js';
import type { WasmBytes } from '../wasm-types.js';

function linkError(name: string, message: string, cause?: unknown): WsError {
  return new WsError('WS_IMPORT_UNRESOLVED', `The linked module ${name} (--module / RuntimeOptions.modules) ${message}`, cause === undefined ? undefined : { cause });
}

/** The exports of each linked module, by name, freshly instantiated. */
export async function instantiateLinkedModules(modules: Readonly<Record<string, WasmBytes | WebAssembly.Module>>): Promise<Map<string, WebAssembly.Exports>> {
  const linked = new Map<string, WebAssembly.Exports>();
  for (const [name, source] of Object.entries(modules)) {
    let module: WebAssembly.Module;
    try {
      if (source instanceof WebAssembly.Module) module = source;
      else {
        const bytes = ArrayBuffer.isView(source) ? new Uint8Array(source.buffer, source.byteOffset, source.byteLength) : new Uint8Array(source);
        module = await WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>);
      }
    } catch (error) {
      throw linkError(name, `is not a valid WebAssembly module: ${(error as Error).message}. Give the path of a .wasm file.`, error);
    }
    const imports: Record<string, Record<string, WebAssembly.ImportValue>> = {};
    for (const entry of WebAssembly.Module.imports(module)) {
      const from = linked.get(entry.module);
      if (!from) {
        throw linkError(
          name,
          `imports ${entry.module}.${entry.name}: a linked module may import only the modules linked before it (ws gives WASI and plug-in modules to the guest alone). Link ${entry.module} first if it is a module of yours, or build the library without that import.`,
        );
      }
      if (!(entry.name in from)) throw linkError(name, `imports ${entry.module}.${entry.name}, which module ${entry.module} does not export. Link the version of ${entry.module} it was built against.`);
      (imports[entry.module] ??= {})[entry.name] = from[entry.name]!;
    }
    try {
      linked.set(name, (await WebAssembly.instantiate(module, imports)).exports);
    } catch (error) {
      throw linkError(name, `could not be instantiated: ${(error as Error).message}. Check the types of its imports against the modules linked before it.`, error);
    }
  }
  return linked;
}
