// Entry of the child process of Runtime({ isolation: 'process' }) (child_process.fork):
// takes one run request over IPC, reports the imported plug-ins, runs, reports, exits.
import { runRequest, type RunRequest, type RunReport } from './guest-side.js';

const send = (message: RunReport): Promise<void> => new Promise((resolve) => process.send!(message, undefined, {}, () => resolve()));

process.once('message', (request: RunRequest) => {
  void runRequest(request, send).then(() => process.exit(0));
});
