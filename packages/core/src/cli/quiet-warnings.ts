import { logLevelEnabled } from '../log.js';

/**
 * Imported first by the CLI, before anything loads node:wasi (which prints an
 * ExperimentalWarning when loaded; on a normal run the CLI is not the place
 * for it: it shows from `--log-level debug` on, as other backend chatter).
 * The level is read when the warning is emitted, so a level set after this
 * import applies. Replacing Node's default 'warning' listener keeps every
 * other warning (below the `warning` level, none is printed).
 */
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (!logLevelEnabled('warning')) return;
  if (warning.name === 'ExperimentalWarning' && warning.message.includes('WASI') && !logLevelEnabled('debug')) return;
  process.stderr.write(`[ws] ${warning.name}: ${warning.message}\n`);
});
