#!/usr/bin/env node
// Publishes every ws package to an npm registry, the way a release is made:
//
//   node scripts/publish.mjs --registry URL [--tag TAG] [--dry-run] [--allow-dirty]
//
// 1. Refuses a dirty git tree (--allow-dirty: a trial publish to a local registry)
//    and versions that disagree (every @ws package moves in lockstep).
// 2. Stages each platform package built on this machine (scripts/package-binaries.mjs
//    --out, binaries and third-party runtimes copied in) and refuses when a platform
//    package that a wrapper lists was not built.
// 3. Packs the wrappers with pnpm (workspace:* becomes the exact version) and
//    publishes everything in dependency order: platform packages first, so a
//    wrapper never points at a version the registry does not have yet.
//
// Authentication: NPM_TOKEN when set; otherwise the npm login of this user for
// that registry; otherwise anonymous (for a registry that allows it, like the
// local one the install tests start).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { lockstepVersion, publishOrder } from './publish-plan.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = 'Usage: node scripts/publish.mjs --registry URL [--tag TAG] [--dry-run] [--allow-dirty]';

function fail(message) {
  console.error(`[ws publish] ${message}`);
  process.exit(1);
}

function parse() {
  try {
    const { values } = parseArgs({
      options: {
        registry: { type: 'string' },
        tag: { type: 'string', default: 'latest' },
        'dry-run': { type: 'boolean', default: false },
        'allow-dirty': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    if (!values.registry) fail(`--registry is required.\n${USAGE}`);
    return { ...values, registry: new URL(values.registry).href };
  } catch (error) {
    fail(`${error.message}\n${USAGE}`);
  }
}

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/** The workspace's publishable packages (not private): folder and manifest. */
function wrapperPackages() {
  return readdirSync(join(root, 'packages'))
    .map((folder) => ({ dir: join(root, 'packages', folder), manifest: readJson(join(root, 'packages', folder, 'package.json')) }))
    .filter(({ manifest }) => !manifest.private);
}

function checkClean(allowDirty) {
  const status = execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).trim();
  if (!status || allowDirty) return;
  const count = status.split('\n').length;
  fail(`Refusing to publish from a dirty tree (${count} changed file${count === 1 ? '' : 's'}; see git status). Commit them first, or pass --allow-dirty for a trial publish to a local registry.`);
}

function checkVersions(packages) {
  const { version, problem } = lockstepVersion(packages.map(({ manifest }) => manifest));
  if (problem) fail(`Refusing to publish: ${problem}`);
  return version;
}

/** Stages the platform packages; fails when one a wrapper lists is missing. */
function stagePlatformPackages(work, wrappers) {
  const stage = join(work, 'stage');
  const staged = JSON.parse(execFileSync(process.execPath, [join(root, 'scripts', 'package-binaries.mjs'), '--out', stage], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
  const byName = new Map(staged.map((dir) => [readJson(join(dir, 'package.json')).name, dir]));
  const missing = wrappers.flatMap(({ manifest }) => Object.keys(manifest.optionalDependencies ?? {}).filter((name) => name.startsWith('@ws/') && !byName.has(name)));
  if (missing.length) {
    fail(`Refusing to publish: these platform packages are listed by their wrappers but were not built here:\n${missing.map((name) => `  ${name}`).join('\n')}\nBuild them first (pnpm build; pnpm turbo run build:arm64 for linux-arm64-gnu).`);
  }
  return [...byName].map(([name, dir]) => ({ dir, manifest: readJson(join(dir, 'package.json')), name }));
}

function checkBuilt(wrappers) {
  const unbuilt = wrappers.filter(({ dir, manifest }) => manifest.main && !existsSync(join(dir, manifest.main)));
  if (unbuilt.length) fail(`Refusing to publish: not built (${unbuilt.map(({ manifest }) => `${manifest.name}: ${manifest.main}`).join(', ')}). Run pnpm build first.`);
}

function pack(dir, destination, tool) {
  const before = new Set(readdirSync(destination));
  execFileSync(tool, ['pack', '--pack-destination', destination], { cwd: dir, stdio: 'pipe', env: { ...process.env, npm_config_update_notifier: 'false' } });
  const created = readdirSync(destination).filter((file) => !before.has(file) && file.endsWith('.tgz'));
  if (created.length !== 1) fail(`${tool} pack in ${dir} made ${created.join(', ') || 'nothing'}`);
  return join(destination, created[0]);
}

/** An npm user config for the publish: NPM_TOKEN, the user's own login, or anonymous. */
function authConfig(work, registry) {
  const hostPath = registry.replace(/^https?:/, '');
  const token = process.env.NPM_TOKEN;
  if (!token) {
    const whoami = spawnSync('npm', ['whoami', '--registry', registry], { encoding: 'utf8', stdio: 'pipe' });
    if (whoami.status === 0) return { how: `as ${whoami.stdout.trim()} (npm login)`, args: [] };
  }
  const file = join(work, 'npmrc');
  // A token is required by npm's client even where the registry lets anyone publish.
  writeFileSync(file, `${hostPath}:_authToken=${token || 'anonymous'}\n`, { mode: 0o600 });
  return { how: token ? 'with NPM_TOKEN' : 'anonymously', args: ['--userconfig', file] };
}

const options = parse();
checkClean(options['allow-dirty']);
const wrappers = wrapperPackages();
checkBuilt(wrappers);
const work = mkdtempSync(join(tmpdir(), 'ws-publish-'));
try {
  const platforms = stagePlatformPackages(work, wrappers);
  const version = checkVersions([...wrappers, ...platforms]);
  const tarballs = join(work, 'tarballs');
  execFileSync('mkdir', ['-p', tarballs]);
  const auth = authConfig(work, options.registry);
  const ordered = publishOrder([...platforms.map((p) => ({ ...p, tool: 'npm' })), ...wrappers.map((w) => ({ ...w, tool: 'pnpm' }))]);
  console.log(`[ws publish] ${ordered.length} packages at ${version} to ${options.registry} ${auth.how}${options['dry-run'] ? ' (dry run)' : ''}`);
  for (const pkg of ordered) {
    const tarball = pack(pkg.dir, tarballs, pkg.tool);
    const args = ['publish', tarball, '--registry', options.registry, '--tag', options.tag, '--access', 'public', ...auth.args, ...(options['dry-run'] ? ['--dry-run'] : [])];
    const result = spawnSync('npm', args, { encoding: 'utf8', stdio: 'pipe', env: { ...process.env, npm_config_update_notifier: 'false' } });
    if (result.status !== 0) {
      const reason = (result.stderr || result.stdout).split('\n').filter((line) => /error/i.test(line)).slice(0, 4).join('\n');
      fail(`npm publish of ${pkg.manifest.name}@${version} failed:\n${reason}\nIf that version is already on the registry, raise the version of every package (they move in lockstep) and publish again.`);
    }
    console.log(`  ${pkg.manifest.name}@${version}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
