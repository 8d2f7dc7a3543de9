// Command-line parsing of every ws command (node:util parseArgs underneath):
// per-command --help, unknown options with "did you mean", bad values named,
// guest arguments never parsed, --log-level, install hints per package manager
// (the temp folders have no lockfile above them: the user agent decides there).
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_PLUGIN, guest, runCli } from '../helpers/paths.js';

const pnpm = 'pnpm/12.4.2 npm/? node/v20.20.2 linux x64';
const isolated = { cwd: mkdtempSync(join(tmpdir(), 'ws-cli-options-')), env: { NODE_PATH: '', WASMEDGE_PLUGIN_PATH: '', npm_config_user_agent: pnpm } };
const usage = (stderr: string) => `[ws] WS_USAGE: ${stderr}\n`;

describe('--help of each command', () => {
  it.each([
    ['run', 'Usage: ws run [options] app.wasm [args...]'],
    ['plugins', 'Usage: ws plugins [--plugin-path PATH]... [--json]'],
    ['typegen', 'Usage: ws typegen <plugin-name> [--plugin-path PATH]... [--out FILE]'],
    ['doctor', 'Usage: ws doctor [--plugin-path PATH]...'],
    ['new-plugin', 'Usage: ws new-plugin <name> [--dir DIR] [--local-deps]'],
  ])('ws %s --help and -h print its usage and do nothing else', (command, firstLine) => {
    for (const flag of ['--help', '-h']) {
      const result = runCli([command, flag], isolated);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout.split('\n')[0]).toBe(firstLine);
      expect(result.stdout).toMatch(/--log-level LEVEL/);
      expect(result.stderr).toBe('');
    }
  });

  it('ws doctor --help does not run doctor', () => {
    const result = runCli(['doctor', '--help'], isolated);
    expect(result.stdout).not.toMatch(/^platform:/m);
    expect(result.stdout).not.toMatch(/^native bridge:/m);
  });

  it('--help wins over other options, even unknown ones', () => {
    const result = runCli(['plugins', '--jsn', '--help'], isolated);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: ws plugins/);
  });
});

describe('unknown options', () => {
  it('ws plugins --jsn: exit 2, did you mean --json', () => {
    const result = runCli(['plugins', '--jsn'], isolated);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(usage('unknown option --jsn. Did you mean --json? Run ws plugins --help for the options.'));
  });

  it('a misspelled option of a plug-in not installed (from the catalogue)', () => {
    const result = runCli(['run', '--allow-comand', 'ls', guest('wasi_only')], isolated);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(usage('unknown option --allow-comand. Did you mean --allow-command? Run ws run --help for the options.'));
  });

  it('a misspelled option of a loaded plug-in, and one written with underscores', () => {
    const typo = runCli(['run', '--plugin-path', FIXTURE_PLUGIN, '--greting=hi', guest('fixture_calls')], isolated);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toBe(usage('unknown option --greting. Did you mean --greeting? Run ws run --help for the options.'));
    const underscores = runCli(['run', '--forbidden_plugin', 'x', guest('wasi_only')], isolated);
    expect(underscores.stderr).toBe(usage('unknown option --forbidden_plugin. Did you mean --forbidden-plugin? Run ws run --help for the options.'));
  });

  it('in every command, after its positional arguments too', () => {
    const typegen = runCli(['typegen', 'ws_fixture', '--plugin-path', FIXTURE_PLUGIN, '--outt', 'x.ts'], isolated);
    expect(typegen.status).toBe(2);
    expect(typegen.stderr).toBe(usage('unknown option --outt. Did you mean --out? Run ws typegen --help for the options.'));
    const doctor = runCli(['doctor', '--plugin-pth', 'x'], isolated);
    expect(doctor.status).toBe(2);
    expect(doctor.stderr).toBe(usage('unknown option --plugin-pth. Did you mean --plugin-path? Run ws doctor --help for the options.'));
    const scaffold = runCli(['new-plugin', 'x', '--local-dep'], isolated);
    expect(scaffold.stderr).toBe(usage('unknown option --local-dep. Did you mean --local-deps? Run ws new-plugin --help for the options.'));
  });

  it('an unknown command suggests the command meant', () => {
    const result = runCli(['plugin'], isolated);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^\[ws\] WS_USAGE: unknown command plugin\. Did you mean ws plugins\?\nUsage: ws <command>/);
  });

  it('extra positional arguments are named', () => {
    const result = runCli(['doctor', 'now'], isolated);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^\[ws\] WS_USAGE: ws doctor takes no arguments, got now\.\nUsage: ws doctor/);
  });
});

describe('bad values are named', () => {
  it('--env without =', () => {
    const result = runCli(['run', '--env', 'FOO', guest('wasi_only')], isolated);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(usage('ws run: --env needs NAME=VALUE, got FOO.'));
    expect(runCli(['run', '--env', '=x', guest('wasi_only')], isolated).stderr).toBe(usage('ws run: --env needs NAME=VALUE, got =x.'));
  });

  it('--env NAME= sets an empty value', () => {
    const result = runCli(['run', '--env', 'WS_GREETING=', guest('wasi_only')], isolated);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe('argc 1\nWS_GREETING \n');
  });

  it('a flag given a value', () => {
    const result = runCli(['plugins', '--json=yes'], isolated);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(usage('--json is a flag and takes no value (or =true, =false), got "yes".'));
    const toggle = runCli(['run', '--plugin-path', FIXTURE_PLUGIN, '--verbose=2', guest('fixture_calls')], isolated);
    expect(toggle.stderr).toBe(usage('--verbose is a flag and takes no value (or =true, =false), got "2".'));
  });

  it('an option that needs a value followed by another option', () => {
    const result = runCli(['run', '--dir', '--env', 'A=1', guest('wasi_only')], isolated);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(usage('--dir needs a value.'));
  });
});

describe('the guest\'s arguments', () => {
  it('ws run app.wasm --help passes --help to the guest', () => {
    const result = runCli(['run', guest('wasi_only'), '--help', '--no-such-option', '-x'], isolated);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe('argc 4\nargv[1] --help\nargv[2] --no-such-option\nargv[3] -x\nWS_GREETING (unset)\n');
  });

  it('ws app.wasm ... and ws --dir .:. app.wasm ... are ws run', () => {
    const first = runCli([guest('wasi_only'), '--help'], isolated);
    expect(first.stdout).toBe('argc 2\nargv[1] --help\nWS_GREETING (unset)\n');
    const options = runCli(['--env', 'WS_GREETING=hi', guest('wasi_only')], isolated);
    expect(options.stdout).toBe('argc 1\nWS_GREETING hi\n');
  });

  it('plug-in options before the guest: toggles, implicit values, repeatable lists', () => {
    const file = join(isolated.cwd, 'calls');
    copyFileSync(guest('fixture_calls'), file);
    const result = runCli(['run', '--plugin-path', FIXTURE_PLUGIN, '--verbose', '--greeting', '--tags=a', '--tags', 'b', file], isolated);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/option_summary = \d+ "greeting=hello scale=\d+ verbose=1 ratio=0 tags=a,b"/);
  });
});

describe('--log-level', () => {
  it('takes WasmEdge\'s levels, in every command, before or after the command name', () => {
    expect(runCli(['run', '--log-level', 'debug', guest('wasi_only')], isolated).status).toBe(0);
    expect(runCli(['plugins', '--log-level=off', '--json'], isolated).status).toBe(0);
    const before = runCli(['--log-level', 'error', 'plugins', '--json'], isolated);
    expect(before.status, before.stderr).toBe(0);
    expect(JSON.parse(before.stdout)).toHaveProperty('plugins');
  });

  it('an unknown level: exit 2 naming the levels', () => {
    for (const args of [['run', '--log-level', 'verbose', guest('wasi_only')], ['doctor', '--log-level=verbose']]) {
      const result = runCli(args, isolated);
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(usage(`ws ${args[0]}: --log-level needs one of off, critical, error, warning, info, debug, trace, got "verbose".`));
    }
  });

  it('is the guest\'s after the guest', () => {
    const result = runCli(['run', guest('wasi_only'), '--log-level', 'nonsense'], isolated);
    expect(result.status, result.stderr).toBe(0);
  });
});

describe('install hints name the package manager in use', () => {
  const hint = (options: { cwd: string; env: Record<string, string> }) => runCli(['run', '--allow-command', 'ls', guest('wasi_only')], options).stderr;

  it('the project\'s lockfile first, even under npx', () => {
    const project = mkdtempSync(join(tmpdir(), 'ws-cli-npm-project-'));
    writeFileSync(join(project, 'package-lock.json'), '{}');
    expect(hint({ cwd: project, env: isolated.env })).toMatch(/Install it: npm install @ws\/process /);
    const pnpmProject = mkdtempSync(join(tmpdir(), 'ws-cli-pnpm-project-'));
    writeFileSync(join(pnpmProject, 'pnpm-lock.yaml'), '');
    expect(hint({ cwd: pnpmProject, env: { ...isolated.env, npm_config_user_agent: 'npm/10.8.2 node/v20.20.2 linux x64 workspaces/false' } })).toMatch(/Install it: pnpm add @ws\/process /);
  });

  it('without a lockfile, the one that started ws: npm (npx ws), pnpm (pnpm exec ws), yarn, bun', () => {
    const hints = {
      'npm/10.8.2 node/v20.20.2 linux x64 workspaces/false': 'npm install @ws/process',
      [pnpm]: 'pnpm add @ws/process',
      'yarn/4.5.0 npm/? node/v20.20.2 linux x64': 'yarn add @ws/process',
      'bun/1.2.0 npm/? node/v20.20.2 linux x64': 'bun add @ws/process',
    };
    for (const [agent, command] of Object.entries(hints)) {
      expect(hint({ ...isolated, env: { ...isolated.env, npm_config_user_agent: agent } })).toBe(
        usage(`--allow-command is an option of the wasmedge_process plug-in, which is not installed. Install it: ${command} (or pass --plugin-path to its library).`),
      );
    }
  });
});
