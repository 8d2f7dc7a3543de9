// The public guest headers (packages/<pkg>/include) against the real plug-ins,
// so the headers cannot drift from what the plug-ins export:
//   - each header compiles on its own, and all of them together, as C99 and as
//     C++ for wasm32-wasi with -Wall -Wextra -Werror -pedantic;
//   - every function a header declares with import_module/import_name is a
//     host function of that plug-in module, with the same Wasm signature as
//     compiled by clang (read from the guest's import section);
//   - every host function of the package's plug-in modules is declared by one
//     of its headers.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Plugin, type HostFunctionType } from '@ws/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../helpers/paths.js';

const compiler = process.env.WS_WASM_CC ?? 'clang';
const pluginDir = join(root, 'native/build/plugins');

/** Each wrapper package, the plug-in libraries whose modules its headers declare. */
const packages = [
  { name: 'process', libraries: ['libwasmedgePluginWasmEdgeProcess.so'] },
  { name: 'wasi-crypto', libraries: ['libwasmedgePluginWasiCrypto.so'] },
  { name: 'wasi-nn', libraries: ['libwasmedgePluginWasiNN.so'] },
  { name: 'image', libraries: ['libwasmedgePluginWasmEdgeImage.so'] },
  { name: 'tensorflow', libraries: ['libwasmedgePluginWasmEdgeTensorflowLite.so', 'libwasmedgePluginWasmEdgeTensorflow.so'] },
];

const includeDir = (pkg: string): string => join(root, 'packages', pkg, 'include');
const headersOf = (pkg: string): string[] => readdirSync(includeDir(pkg)).filter((file) => file.endsWith('.h')).sort();
const allIncludes = packages.map((pkg) => `-I${includeDir(pkg.name)}`);
const strictFlags = ['--target=wasm32-wasi', '-Wall', '-Wextra', '-Werror', '-pedantic'];

let workDir: string;
beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'ws-headers-'));
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function source(name: string, text: string): string {
  const path = join(workDir, name);
  writeFileSync(path, text);
  return path;
}

function includeLines(headers: string[]): string {
  return headers.map((header) => `#include <${header}>\n`).join('');
}

/** A function the header declares as an import: its C name, import module and import name. */
interface DeclaredImport {
  cName: string;
  module: string;
  name: string;
}

/** Reads the import declarations of `file` from clang's AST dump (FunctionDecl + WebAssemblyImport*Attr). */
function declaredImports(file: string): DeclaredImport[] {
  const dump = execFileSync(compiler, ['--target=wasm32-wasi', ...allIncludes, '-fsyntax-only', '-Xclang', '-ast-dump', file], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const declarations: DeclaredImport[] = [];
  let current: Partial<DeclaredImport> | undefined;
  for (const line of dump.split('\n')) {
    const declaration = /^[|`]-FunctionDecl .* (\w+) '[^']*'/.exec(line);
    if (declaration) {
      current = { cName: declaration[1]! };
      continue;
    }
    if (/^[|`]-/.test(line)) current = undefined; // another top-level declaration
    if (!current) continue;
    const attribute = /WebAssemblyImport(Module|Name)Attr .* "([^"]*)"$/.exec(line);
    if (!attribute) continue;
    if (attribute[1] === 'Module') current.module = attribute[2]!;
    else current.name = attribute[2]!;
    if (current.module !== undefined && current.name !== undefined) {
      // wasi-libc's own WASI declarations, should a system header bring them in.
      if (current.module !== 'wasi_snapshot_preview1') declarations.push(current as DeclaredImport);
      current = undefined;
    }
  }
  return declarations;
}

/** Import module/name → Wasm type ("(i32 i32) -> (i32)") of a binary, through wabt's text format. */
async function importTypes(wasm: Buffer): Promise<Map<string, string>> {
  const wabt = await createRequire(join(root, 'package.json'))('wabt')();
  const module = wabt.readWasm(wasm, { readDebugNames: false });
  const text: string = module.toText({ foldExprs: false, inlineExport: false });
  module.destroy();
  const types = new Map<string, string>();
  for (const match of text.matchAll(/\(type \(;(\d+);\) \(func([^\n]*)\)\)\n/g)) {
    const params = /\(param ([^)]*)\)/.exec(match[2]!)?.[1] ?? '';
    const results = /\(result ([^)]*)\)/.exec(match[2]!)?.[1] ?? '';
    types.set(match[1]!, `(${params}) -> (${results})`);
  }
  const imports = new Map<string, string>();
  for (const match of text.matchAll(/\(import "([^"]+)" "([^"]+)" \(func \(;\d+;\) \(type (\d+)\)\)\)/g)) {
    imports.set(`${match[1]}.${match[2]}`, types.get(match[3]!)!);
  }
  return imports;
}

function formatType(type: HostFunctionType): string {
  return `(${type.params.join(' ')}) -> (${type.results.join(' ')})`;
}

/** Host functions of a package's plug-in modules: import module/name → Wasm type. */
function pluginFunctions(libraries: string[]): Map<string, string> {
  const functions = new Map<string, string>();
  for (const library of libraries) {
    const path = join(pluginDir, library);
    Plugin.loadFromPath(path);
    const plugin = Plugin.all().find((candidate) => candidate.path === path);
    if (!plugin) throw new Error(`${path} did not load as a plug-in`);
    for (const descriptor of plugin.listModules()) {
      const module = plugin.createModule(descriptor);
      for (const name of module.listFunctions()) functions.set(`${module.name}.${name}`, formatType(module.functionType(name)!));
      module.dispose();
    }
  }
  return functions;
}

describe('every public header compiles', () => {
  const everyHeader = packages.flatMap((pkg) => headersOf(pkg.name));

  it.each(packages.map((pkg) => pkg.name))('@ws/%s ships headers in include/', (pkg) => {
    expect(headersOf(pkg).length).toBeGreaterThan(0);
  });

  it.each(everyHeader)('%s alone, as C99 and as C++', (header) => {
    const file = source(`alone_${header}.c`, `${includeLines([header])}int main(void) { return 0; }\n`);
    execFileSync(compiler, [...strictFlags, '-std=c99', ...allIncludes, '-c', '-o', join(workDir, 'alone.o'), file]);
    execFileSync(`${compiler}++`, [...strictFlags, '-std=c++11', '-x', 'c++', '-fsyntax-only', ...allIncludes, file]);
  });

  it('all of them in one file (no clashing names), twice (include guards)', () => {
    const includes = includeLines(everyHeader);
    const file = source('all.c', `${includes}${includes}int main(void) { return 0; }\n`);
    execFileSync(compiler, [...strictFlags, '-std=c99', ...allIncludes, '-c', '-o', join(workDir, 'all.o'), file]);
    execFileSync(`${compiler}++`, [...strictFlags, '-std=c++11', '-x', 'c++', '-fsyntax-only', ...allIncludes, file]);
  });
});

describe.each(packages.map((pkg) => [pkg.name, pkg.libraries] as const))('the headers of @ws/%s match its plug-in', (name, libraries) => {
  let declared: DeclaredImport[];
  let compiled: Map<string, string>;
  let hostFunctions: Map<string, string>;

  beforeAll(async () => {
    const headers = headersOf(name);
    declared = declaredImports(source(`${name}_declarations.c`, includeLines(headers)));
    // A guest that takes the address of every declared function, so that each
    // one stays an import of the linked binary with the type clang gives it.
    const references = declared.map((declaration) => `(void (*)(void))${declaration.cName}`).join(',\n  ');
    const guest = source(
      `${name}_guest.c`,
      `${includeLines(headers)}\nstatic void (*const functions[])(void) = {\n  ${references}\n};\n` +
        'void (*volatile sink)(void);\n' +
        'int main(void) {\n  for (unsigned i = 0; i < sizeof functions / sizeof functions[0]; ++i) sink = functions[i];\n  return 0;\n}\n',
    );
    const wasm = join(workDir, `${name}.wasm`);
    execFileSync(compiler, ['--target=wasm32-wasi', '-O0', ...allIncludes, '-o', wasm, guest]);
    compiled = await importTypes(readFileSync(wasm));
    hostFunctions = pluginFunctions(libraries);
  });

  it('declares imports, each under one C name', () => {
    expect(declared.length).toBeGreaterThan(0);
    const cNames = declared.map((declaration) => declaration.cName);
    expect(new Set(cNames).size).toBe(cNames.length);
  });

  it('every declared function is a host function with the same Wasm signature', () => {
    const mismatches = declared.flatMap(({ cName, module, name: importName }) => {
      const key = `${module}.${importName}`;
      const guestType = compiled.get(key);
      const hostType = hostFunctions.get(key);
      return guestType === hostType ? [] : [`${cName} (${key}): header ${guestType ?? 'not imported'}, plug-in ${hostType ?? 'no such function'}`];
    });
    expect(mismatches).toEqual([]);
  });

  it('every host function of the plug-in modules is declared', () => {
    const declaredKeys = new Set(declared.map((declaration) => `${declaration.module}.${declaration.name}`));
    expect([...hostFunctions.keys()].filter((key) => !declaredKeys.has(key))).toEqual([]);
  });
});
