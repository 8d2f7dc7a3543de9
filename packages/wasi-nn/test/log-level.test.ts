// Quiet by default (issue 14 item 8): TensorFlow Lite's "INFO: Created
// TensorFlow Lite XNNPACK delegate for CPU." and Node's WASI
// ExperimentalWarning stay off stderr on a normal `ws run`; `--log-level
// debug` shows them, as `wasmedge --log-level debug` would.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guestModel, repoRoot, runGuest } from './run-guest.js';

// load + init_execution_context: the context creates the XNNPACK delegate.
const script = ['load', guestModel('add_f32.tflite'), 'init', '0', 'set', '0', '0', '1', '1,4', 'f32:1,2,3,4', 'compute', '0', 'get', '0', '0', '16', 'f32'];
const xnnpackLine = 'INFO: Created TensorFlow Lite XNNPACK delegate for CPU.';

describe('log level of a TensorFlow-Lite guest run', () => {
  it('prints nothing on stderr by default', async () => {
    const run = await runGuest(script);
    expect(run.lines.at(-1)).toBe('get 0 16 ok 2 4 6 8');
    expect(run.stderr).toBe('');
  });

  it('shows the backend chatter and the WASI warning with --log-level debug', async () => {
    const run = await runGuest(script, { cliArgs: ['--log-level', 'debug'] });
    expect(run.lines.at(-1)).toBe('get 0 16 ok 2 4 6 8');
    expect(run.stderr).toContain(xnnpackLine);
    expect(run.stderr).toMatch(/ExperimentalWarning: WASI/);
  });

  it('shows TFLite INFO lines from --log-level info, without the WASI warning', async () => {
    const run = await runGuest(script, { cliArgs: ['--log-level', 'info'] });
    expect(run.stderr).toContain(xnnpackLine);
    expect(run.stderr).not.toMatch(/ExperimentalWarning/);
  });
});

// The filter itself (native/wasi-nn/backends/tflite/tflite_log_filter.c):
// TFLite lines less severe than the level go, everything else stays, in order.
describe('TFLite stderr filter', () => {
  const program = join(repoRoot, 'native', 'build', 'wasi-nn-tests', 'tflite_log_filter_test');
  const run = (level: number) => spawnSync(program, [String(level)], { encoding: 'utf8' });
  const tfliteLines = {
    verbose: 'VERBOSE: verbose line\n',
    info: 'INFO: Created TensorFlow Lite XNNPACK delegate for CPU.\n',
    warning: 'WARNING: warning line\n',
    error: 'ERROR: error line\n',
  };
  const raw = 'not a TFLite line\n';
  const tail = 'unterminated\nafter\n';

  it('keeps warnings, errors and foreign lines at warning (3), the default', () => {
    const result = run(3);
    expect(result.stdout).toBe('done\n');
    expect(result.stderr).toBe(raw + tfliteLines.warning + tfliteLines.error + tail);
  });

  it('keeps INFO from info (2); is off at debug (1) and trace (0)', () => {
    expect(run(2).stderr).toBe(tfliteLines.info + raw + tfliteLines.warning + tfliteLines.error + tail);
    for (const level of [1, 0]) {
      const result = run(level);
      expect(result.stderr).toBe(tfliteLines.verbose + tfliteLines.info + raw + tfliteLines.warning + tfliteLines.error + tail);
    }
  });

  it('drops every TFLite line at off (6), never a foreign one', () => {
    expect(run(6).stderr).toBe(raw + tail);
  });
});
