#!/usr/bin/env node
// Per-platform binary packages (house style point 4): one list of packages x
// platforms; this script writes every npm/<folder>/<platform>/ manifest and
// index.cjs, keeps each wrapper's optionalDependencies in step, and copies
// the built binaries in.
//
//   node scripts/package-binaries.mjs            manifests + wrappers' optionalDependencies
//   node scripts/package-binaries.mjs --check    fail if any of those is out of date (CI)
//   node scripts/package-binaries.mjs --copy     also copy binaries into npm/*/*/lib (release)
//   node scripts/package-binaries.mjs --out DIR [--only core,process] [--platform linux-x64-gnu]
//                                                 stage complete packages (with binaries) in DIR
//
// Binaries come from native/build (linux-x64-gnu) and native/build-arm64
// (linux-arm64-gnu, cross-compiled). Platform facts (os/cpu/libc) come from
// @ws/core's platform.ts, the one place platform keys are defined.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const platformModule = join(root, 'packages', 'core', 'dist', 'platform.js');
if (!existsSync(platformModule)) {
  console.error(`[ws] ${platformModule} is missing: build @ws/core first (pnpm build).`);
  process.exit(1);
}
const { platformTargets } = await import(pathToFileURL(platformModule).href);

/** Where each platform's binaries are built. */
const buildDirs = {
  'linux-x64-gnu': join(root, 'native', 'build'),
  'linux-arm64-gnu': join(root, 'native', 'build-arm64'),
};

/**
 * The one list. `files` are relative to the build dir → relative to lib/;
 * `exports` name the index.cjs fields (besides version). A plug-in's library
 * file name comes from its wrapper's "wasmedge".library field.
 * linux-arm64-gnu: what links no third-party library (image needs libjpeg/libpng,
 * tensorflow is TFLite-only on x64 for now) and the WASI-NN backends whose runtime exists for it.
 */
const plugin = (folder, name) => ({ folder, name, wrapperDir: join('packages', folder) });
const nnBackendNames = { tflite: 'TensorFlow-Lite', onnx: 'ONNX', ggml: 'GGML', pytorch: 'PyTorch', openvino: 'OpenVINO' };
// linux-arm64-gnu where the runtime has an arm64 build on npm that runs under the
// qemu test (tfjs-tflite-node) or comes from the system (OpenVINO). Not for ONNX:
// onnxruntime-node's arm64 library (its own addon included) crashes under qemu-user,
// so an arm64 ONNX backend could not be tested here. ws depends only on
// @node-llama-cpp/linux-x64, and libtorch comes from the build machine's Debian.
const nnBackendPlatforms = {
  tflite: ['linux-x64-gnu', 'linux-arm64-gnu'],
  onnx: ['linux-x64-gnu'],
  ggml: ['linux-x64-gnu'],
  pytorch: ['linux-x64-gnu'],
  openvino: ['linux-x64-gnu', 'linux-arm64-gnu'],
};
/**
 * Runtime libraries that come from other npm packages, copied into our own
 * platform packages at packaging time with their license texts (as sharp ships
 * libvips): those packages have install scripts, so they are build-time
 * (dev) dependencies only and never reach a user. `files` per platform are
 * [file inside the package, name in lib/]; `licenses` are files of licenses/.
 */
const tfliteRuntime = {
  package: 'tfjs-tflite-node',
  component: 'TensorFlow Lite C library (libtensorflowlite_c), TensorFlow 2.9',
  files: {
    'linux-x64-gnu': [['cc_deps/linux_amd64/libtensorflowlite_c.so', 'libtensorflowlite_c.so']],
    'linux-arm64-gnu': [['cc_deps/linux_arm64/libtensorflowlite_c.so', 'libtensorflowlite_c.so']],
  },
  license: 'Apache-2.0',
  licenses: [['Apache-2.0.txt', 'Copyright The TensorFlow Authors.']],
};
const thirdPartyRuntimes = {
  tflite: tfliteRuntime,
  onnx: {
    package: 'onnxruntime-node',
    component: 'ONNX Runtime (libonnxruntime)',
    files: { 'linux-x64-gnu': [['bin/napi-v6/linux/x64/libonnxruntime.so.1', 'libonnxruntime.so.1']] },
    license: 'MIT',
    licenses: [['onnxruntime-MIT.txt', '']],
  },
  ggml: {
    package: '@node-llama-cpp/linux-x64',
    component: 'llama.cpp and ggml (libllama, libllama-common, libggml*), as built by node-llama-cpp',
    // libllama finds libggml* through its RUNPATH $ORIGIN; ggml picks the best
    // libggml-cpu-<variant>.so for the machine at run time, so all are shipped.
    files: { 'linux-x64-gnu': { folder: 'bins/linux-x64', match: /^lib.*\.so$/ } },
    license: 'MIT',
    licenses: [['llama.cpp-MIT.txt', ''], ['node-llama-cpp-MIT.txt', '']],
  },
};
const nnBackend = (backend) => ({
  folder: `wasi-nn-${backend}`,
  name: `@ws/wasi-nn-${backend}`,
  wrapperDir: join('packages', `wasi-nn-${backend}`),
  platforms: nnBackendPlatforms[backend],
  files: [[`wasi-nn-backends/libws_wasi_nn_${backend}.so`, `libws_wasi_nn_${backend}.so`]],
  thirdParty: thirdPartyRuntimes[backend],
  exports: { libraryPath: `libws_wasi_nn_${backend}.so` },
  loadedBy: "@ws/wasi-nn's plug-in (option nn-" + backend + '-backend)',
  description: `the ${nnBackendNames[backend]} backend library of the wasi_nn plug-in (libws_wasi_nn_${backend}.so)`,
});
// Every ws_bridge_v8_<abi>.so any build made (optional: a build has those it
// had headers for; copyBinaries skips the ones missing from a platform's build).
const v8BridgeFiles = () =>
  [...new Set(Object.values(buildDirs).flatMap((dir) => (existsSync(join(dir, 'host')) ? readdirSync(join(dir, 'host')) : [])))]
    .filter((file) => /^ws_bridge_v8_\d+\.so$/.test(file))
    .sort()
    .map((file) => [`host/${file}`, file, { optional: true }]);
const packages = [
  {
    folder: 'core',
    name: '@ws/core',
    wrapperDir: join('packages', 'core'),
    platforms: ['linux-x64-gnu', 'linux-arm64-gnu'],
    files: [
      ['host/ws_bridge.node', 'ws_bridge.node'],
      ['host/libwasmedge.so.0', 'libwasmedge.so.0'],
      // The host-call path on V8's own API, one library per Node ABI it was built
      // for (the bridge uses the running ABI's). Not built when cross-compiling.
      ...v8BridgeFiles(),
    ],
    exports: { bridgePath: 'ws_bridge.node', libraryPath: 'libwasmedge.so.0' },
    description: 'the ws native bridge (ws_bridge.node) and the libwasmedge.so.0 stand-in',
  },
  { ...plugin('process', '@ws/process'), platforms: ['linux-x64-gnu', 'linux-arm64-gnu'] },
  // The plug-in links no ML library: its backends do (each in its own package below).
  { ...plugin('wasi-nn', '@ws/wasi-nn'), platforms: ['linux-x64-gnu', 'linux-arm64-gnu'] },
  // Each WASI-NN backend is a package of its own (@ws/wasi-nn-<backend>) with its own
  // platform package, so a user of one backend never installs another. The wrapper's
  // "wasmedge": { "extends": "wasi_nn" } points the plug-in's nn-<backend>-backend option
  // at the library below.
  ...['tflite', 'onnx', 'ggml', 'pytorch', 'openvino'].map(nnBackend),
  { ...plugin('image', '@ws/image'), platforms: ['linux-x64-gnu'] },
  // Links no library: it binds to the OpenSSL that Node exports, so it cross-compiles
  // against Node's own headers (openssl/archs/linux-aarch64).
  { ...plugin('wasi-crypto', '@ws/wasi-crypto'), platforms: ['linux-x64-gnu', 'linux-arm64-gnu'] },
  // Two plug-ins (wasmedge_tensorflowlite, wasmedge_tensorflow) in one package;
  // TensorFlow Lite's C library ships with them (libtensorflow is the user's own).
  { ...plugin('tensorflow', '@ws/tensorflow'), platforms: ['linux-x64-gnu'], thirdParty: tfliteRuntime },
];

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Completes each entry from its wrapper package.json; drops wrappers not in the tree yet. */
function resolvedPackages() {
  const list = [];
  for (const entry of packages) {
    const wrapperJson = join(root, entry.wrapperDir, 'package.json');
    if (!existsSync(wrapperJson)) {
      console.error(`[ws] skipping ${entry.name}: ${entry.wrapperDir}/package.json does not exist yet`);
      continue;
    }
    const wrapper = readJson(wrapperJson);
    if (entry.files) {
      list.push({ ...entry, version: wrapper.version, license: wrapper.license ?? 'Apache-2.0' });
      continue;
    }
    // "wasmedge" is one manifest or an array (a package with several plug-in libraries).
    const manifests = [wrapper.wasmedge ?? []].flat();
    const libraries = manifests.map((m) => m.library);
    if (libraries.length === 0 || libraries.some((l) => typeof l !== 'string')) throw new Error(`${wrapperJson} has no "wasmedge".library field`);
    list.push({
      ...entry,
      version: wrapper.version,
      license: wrapper.license ?? 'Apache-2.0',
      files: libraries.map((library) => [`plugins/${library}`, library]),
      // The loader takes every library from libraryPath's folder (lib/).
      exports: { libraryPath: libraries[0] },
      description: `the ${manifests.map((m) => m.plugin).join(' and ')} plug-in ${libraries.length > 1 ? 'libraries' : 'library'} (${libraries.join(', ')})`,
    });
  }
  return list;
}

/** SPDX expression of a platform package: ours, and that of the third-party files it carries. */
function licenseOf(entry, key) {
  const runtime = entry.thirdParty?.files[key] ? entry.thirdParty : undefined;
  return runtime && runtime.license !== entry.license ? `(${entry.license} AND ${runtime.license})` : entry.license;
}

function manifestFor(entry, target) {
  return {
    name: `${entry.name}-${target.key}`,
    version: entry.version,
    description: `The ${target.key} binary of ${entry.name}: ${entry.description}${entry.thirdParty?.files[target.key] ? `, with ${entry.thirdParty.component}` : ''}. Installed by ${entry.name} as an optional dependency; it carries files only.`,
    license: licenseOf(entry, target.key),
    os: [target.os],
    cpu: [target.cpu],
    ...(target.libc ? { libc: [target.libc] } : {}),
    main: './index.cjs',
    exports: { '.': './index.cjs', './package.json': './package.json' },
    files: ['index.cjs', 'lib', ...(entry.thirdParty?.files[target.key] ? ['THIRD-PARTY-NOTICES.txt'] : [])],
    engines: { node: '>=20' },
  };
}

function indexFor(entry) {
  const fields = Object.entries(entry.exports).map(([field, file]) => `  ${field}: join(__dirname, 'lib', ${JSON.stringify(file)}),`);
  return [
    `// Generated by scripts/package-binaries.mjs. Files only: ${entry.loadedBy ?? entry.name} does the loading.`,
    "const { join } = require('node:path');",
    '',
    'module.exports = {',
    ...fields,
    "  version: require('./package.json').version,",
    '};',
    '',
  ].join('\n');
}

/** The wrapper's package.json text with its optionalDependencies block replaced (the rest untouched). */
function withOptionalDependencies(text, dependencies) {
  const entries = Object.entries(dependencies).map(([name, range]) => `    ${JSON.stringify(name)}: ${JSON.stringify(range)}`);
  const block = `"optionalDependencies": {\n${entries.join(',\n')}\n  }`;
  const existing = /"optionalDependencies":\s*\{[^}]*\}/;
  if (existing.test(text)) return text.replace(existing, block);
  const end = text.lastIndexOf('}');
  return `${text.slice(0, end).trimEnd()},\n  ${block}\n}\n`;
}

const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

/** Every generated file (path → content), wrappers' package.json included. */
function generatedFiles(list) {
  const files = new Map();
  for (const entry of list) {
    for (const key of entry.platforms) {
      const target = platformTargets.find((t) => t.key === key);
      const dir = join(root, 'npm', entry.folder, key);
      files.set(join(dir, 'package.json'), json(manifestFor(entry, target)));
      files.set(join(dir, 'index.cjs'), indexFor(entry));
    }
    const wrapperPath = join(root, entry.wrapperDir, 'package.json');
    const text = readFileSync(wrapperPath, 'utf8');
    const optional = { ...JSON.parse(text).optionalDependencies };
    for (const name of Object.keys(optional)) if (name.startsWith(`${entry.name}-`)) delete optional[name];
    // workspace:* links the package in the repository; pnpm pack writes the exact version.
    for (const key of entry.platforms) optional[`${entry.name}-${key}`] = 'workspace:*';
    files.set(wrapperPath, withOptionalDependencies(text, optional));
  }
  return files;
}

/** The folder of an installed npm package, as Node finds it from `fromDir` (by folder: "exports" may hide package.json). */
function installedPackageDir(fromDir, name) {
  const searched = createRequire(join(fromDir, 'package.json')).resolve.paths(name) ?? [];
  return searched.map((base) => join(base, name)).find((candidate) => existsSync(join(candidate, 'package.json')));
}

/** [absolute source, name in lib/] of the third-party runtime files for a platform; undefined if that package is not installed. */
function thirdPartyFiles(entry, key) {
  const runtime = entry.thirdParty;
  const spec = runtime?.files[key];
  if (!spec) return { files: [] };
  const dir = installedPackageDir(join(root, entry.wrapperDir), runtime.package);
  if (!dir) return { missing: [`${runtime.package} (a devDependency of ${entry.name}: run pnpm install)`] };
  const files = Array.isArray(spec)
    ? spec.map(([from, to]) => [join(dir, from), to])
    : existsSync(join(dir, spec.folder))
      ? readdirSync(join(dir, spec.folder)).filter((file) => spec.match.test(file)).sort().map((file) => [join(dir, spec.folder, file), file])
      : [];
  const missing = files.length === 0 ? [join(dir, Array.isArray(spec) ? '' : spec.folder)] : files.filter(([from]) => !existsSync(from)).map(([from]) => from);
  return missing.length ? { missing } : { files, version: readJson(join(dir, 'package.json')).version };
}

/** THIRD-PARTY-NOTICES.txt: what was copied from which npm package, under which license (full texts). */
function thirdPartyNotices(entry, files, version) {
  const runtime = entry.thirdParty;
  return [
    `${entry.name} ships third-party software in lib/, copied at packaging time from the npm package ${runtime.package}@${version}:`,
    '',
    `  ${runtime.component}`,
    ...files.map(([, to]) => `    lib/${to}`),
    '',
    ...runtime.licenses.flatMap(([file, copyright]) => [
      '-'.repeat(78),
      ...(copyright ? [copyright, ''] : []),
      readFileSync(join(root, 'licenses', file), 'utf8').trimEnd(),
      '',
    ]),
  ].join('\n');
}

function copyBinaries(entry, key, packageDir) {
  const buildDir = buildDirs[key];
  const missing = entry.files.filter(([from, , flags]) => !flags?.optional && !existsSync(join(buildDir, from))).map(([from]) => join(buildDir, from));
  const thirdParty = thirdPartyFiles(entry, key);
  if (thirdParty.missing) missing.push(...thirdParty.missing);
  if (missing.length) return missing;
  const copies = entry.files.map(([from, to]) => [join(buildDir, from), to]).concat(thirdParty.files);
  for (const [from, to] of copies) {
    if (!existsSync(from)) continue; // an optional file that was not built
    const target = join(packageDir, 'lib', to);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(from, target);
  }
  if (thirdParty.files.length) writeFileSync(join(packageDir, 'THIRD-PARTY-NOTICES.txt'), thirdPartyNotices(entry, thirdParty.files, thirdParty.version));
  return [];
}

const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const list = resolvedPackages();
const files = generatedFiles(list);

if (args.includes('--check')) {
  const stale = [...files].filter(([path, content]) => !existsSync(path) || readFileSync(path, 'utf8') !== content).map(([path]) => path);
  if (stale.length) {
    console.error(`[ws] out of date (run node scripts/package-binaries.mjs):\n${stale.map((p) => `  ${p}`).join('\n')}`);
    process.exit(1);
  }
  process.exit(0);
}

const out = option('--out');
if (out) {
  // Staging for packing (install tests, release): complete packages, binaries included.
  const only = option('--only')?.split(',');
  const platforms = option('--platform')?.split(',');
  const staged = [];
  for (const entry of list) {
    if (only && !only.includes(entry.folder)) continue;
    for (const key of entry.platforms) {
      if (platforms && !platforms.includes(key)) continue;
      const target = platformTargets.find((t) => t.key === key);
      const dir = join(resolve(out), entry.folder, key);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'package.json'), json(manifestFor(entry, target)));
      writeFileSync(join(dir, 'index.cjs'), indexFor(entry));
      const missing = copyBinaries(entry, key, dir);
      if (missing.length) {
        rmSync(dir, { recursive: true, force: true });
        console.error(`[ws] not staging ${entry.name}-${key}: not built (${missing.join(', ')})`);
        continue;
      }
      staged.push(dir);
    }
  }
  process.stdout.write(`${JSON.stringify(staged)}\n`);
  process.exit(0);
}

for (const [path, content] of files) {
  mkdirSync(dirname(path), { recursive: true });
  if (!existsSync(path) || readFileSync(path, 'utf8') !== content) writeFileSync(path, content);
}
if (args.includes('--copy')) {
  for (const entry of list) {
    for (const key of entry.platforms) {
      const missing = copyBinaries(entry, key, join(root, 'npm', entry.folder, key));
      if (missing.length) console.error(`[ws] ${entry.name}-${key}: not built, nothing copied (${missing.join(', ')})`);
      else console.log(`[ws] ${entry.name}-${key}: ${entry.files.filter(([, to]) => existsSync(join(root, 'npm', entry.folder, key, 'lib', to))).map(([, to]) => `lib/${to} (${statSync(join(root, 'npm', entry.folder, key, 'lib', to)).size} bytes)`).join(', ')}`);
    }
  }
}
