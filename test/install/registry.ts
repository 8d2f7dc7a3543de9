// A local npm registry for the install tests: verdaccio 6.8 on 127.0.0.1, its
// storage in a temporary folder, @ws/* served only from what the test publishes
// (never proxied), every other package proxied to the registry npm is
// configured with on this machine. Started and stopped by the test.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { root } from '../helpers/paths.js';

/** Environment for package managers run by the tests: nothing inherited from the pnpm that runs the suite, nor ws settings. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_|PNPM_|NODE_OPTIONS$|NODE_PATH$|VITEST|WS_|WASMEDGE_PLUGIN_PATH$)/i.test(key)) continue;
    env[key] = value;
  }
  return { ...env, npm_config_update_notifier: 'false', ...extra };
}

export interface Registry {
  /** http://127.0.0.1:<port>/ */
  url: string;
  /** A token of a user created on the registry, for publishing (NPM_TOKEN). */
  token: string;
  /** The environment a user's shell would have with this registry as their default (no config file). */
  env(extra?: Record<string, string>): NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited with ${child.exitCode}:\n${log()}`);
    try {
      if ((await fetch(`${url}-/ping`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`verdaccio did not answer on ${url} within 60 s:\n${log()}`);
}

/** Creates a user (verdaccio's htpasswd) and returns its token, as `npm adduser` would. */
async function createUser(url: string): Promise<string> {
  const name = 'ws-publisher';
  const response = await fetch(`${url}-/user/org.couchdb.user:${name}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: 'ws-publisher-password', type: 'user', roles: [], date: new Date().toISOString() }),
  });
  const body = (await response.json()) as { token?: string; error?: string };
  if (!response.ok || !body.token) throw new Error(`verdaccio refused to create a user: ${response.status} ${JSON.stringify(body)}`);
  return body.token;
}

export async function startRegistry(work: string): Promise<Registry> {
  const upstream = execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8', env: cleanEnv() }).trim();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const dir = join(work, 'registry');
  mkdirSync(dir, { recursive: true });
  const config = [
    `storage: ${join(dir, 'storage')}`,
    'auth:',
    '  htpasswd:',
    `    file: ${join(dir, 'htpasswd')}`,
    '    max_users: 10',
    'uplinks:',
    '  upstream:',
    `    url: ${upstream}`,
    '    timeout: 60s',
    'packages:',
    "  '@ws/*':",
    '    access: $all',
    '    publish: $authenticated',
    "  '**':",
    '    access: $all',
    '    proxy: upstream',
    // The ONNX and GGML platform packages carry their runtimes (tens of MB).
    'max_body_size: 300mb',
    'log: { type: stdout, format: pretty, level: warn }',
    '',
  ].join('\n');
  writeFileSync(join(dir, 'config.yaml'), config);
  const bin = join(root, 'test', 'node_modules', 'verdaccio', 'bin', 'verdaccio');
  const child = spawn(process.execPath, [bin, '--config', join(dir, 'config.yaml'), '--listen', `127.0.0.1:${port}`], {
    env: { ...cleanEnv(), NODE_NO_WARNINGS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitUntilUp(url, child, () => output);
  const token = await createUser(url);
  return {
    url,
    token,
    // npm reads npm_config_registry, pnpm 12 pnpm_config_registry: what a user's
    // default registry would be, set without writing any config file.
    env: (extra = {}) => cleanEnv({ npm_config_registry: url, pnpm_config_registry: url, ...extra }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Publishes every package with the real publish script, authenticated with the registry user's token. */
export function publishAll(registry: Registry): string {
  // --allow-dirty: a development tree may have uncommitted work; the refusal itself is tested in test/scripts.
  return execFileSync(process.execPath, [join(root, 'scripts', 'publish.mjs'), '--registry', registry.url, '--allow-dirty'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...cleanEnv(), NPM_TOKEN: registry.token },
    timeout: 600000,
  });
}
