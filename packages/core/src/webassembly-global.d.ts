// The global `WebAssembly` object as the packages' own code uses it. The
// packages build without the DOM lib (the only lib that declares it; issue 14),
// so that no DOM type can reach their published declarations; this file takes
// its place for the code's internal use. It is listed in tsconfig.base.json's
// `files`, never emitted and never referenced by a public type: public
// signatures use the structural types of wasm-types.ts, and
// test/types/no-dom.test.ts compiles the declarations without this file.
// Members mirror lib.dom.d.ts (TypeScript 5.9); add one here when code needs it.

declare namespace WebAssembly {
  interface Module {}
  var Module: {
    prototype: Module;
    new (bytes: ArrayBufferView<ArrayBuffer> | ArrayBuffer): Module;
    exports(moduleObject: Module): ModuleExportDescriptor[];
    imports(moduleObject: Module): ModuleImportDescriptor[];
  };

  interface Instance {
    readonly exports: Exports;
  }
  var Instance: {
    prototype: Instance;
    new (module: Module, importObject?: Imports): Instance;
  };

  interface Memory {
    readonly buffer: ArrayBuffer;
    grow(delta: number): number;
  }
  var Memory: {
    prototype: Memory;
    new (descriptor: MemoryDescriptor): Memory;
  };

  interface Global {
    value: unknown;
    valueOf(): unknown;
  }
  interface Table {
    readonly length: number;
    get(index: number): unknown;
    grow(delta: number, value?: unknown): number;
    set(index: number, value?: unknown): void;
  }

  interface CompileError extends Error {}
  var CompileError: { prototype: CompileError; new (message?: string): CompileError; (message?: string): CompileError };
  interface LinkError extends Error {}
  var LinkError: { prototype: LinkError; new (message?: string): LinkError; (message?: string): LinkError };
  interface RuntimeError extends Error {}
  var RuntimeError: { prototype: RuntimeError; new (message?: string): RuntimeError; (message?: string): RuntimeError };

  interface MemoryDescriptor {
    initial: number;
    maximum?: number;
    shared?: boolean;
  }
  interface ModuleExportDescriptor {
    kind: ImportExportKind;
    name: string;
  }
  interface ModuleImportDescriptor {
    kind: ImportExportKind;
    module: string;
    name: string;
  }

  type ImportExportKind = 'function' | 'global' | 'memory' | 'table';
  type ExportValue = Function | Global | Memory | Table;
  type Exports = Record<string, ExportValue>;
  type ImportValue = ExportValue | number | bigint;
  type ModuleImports = Record<string, ImportValue>;
  type Imports = Record<string, ModuleImports>;

  function compile(bytes: ArrayBufferView<ArrayBuffer> | ArrayBuffer): Promise<Module>;
  function instantiate(moduleObject: Module, importObject?: Imports): Promise<Instance>;
  function validate(bytes: ArrayBufferView<ArrayBuffer> | ArrayBuffer): boolean;
}
