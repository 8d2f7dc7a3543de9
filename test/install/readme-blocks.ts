// Runs a README's "Quick start" as a user would, so the docs cannot drift:
// the fenced blocks under the heading "## Quick start" (or another "## "
// heading the test names, such as the root README's "Use it"; up to the next "## "),
// in order, in a project folder:
//   - a block whose first line is `// file: NAME` or `# file: NAME` is written to NAME;
//   - every ```sh block is run with bash, one command at a time; an install
//     line is `npm install ...   # or: pnpm add ...` and the half for the
//     package manager under test is run;
//   - a ```text block right after a ```sh block is what that block prints on
//     stdout, compared exactly.
// Files a README asks the user to bring (a photo, a model of their own) are
// copied into the project first by the test.
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Manager = 'npm' | 'pnpm';

export interface Block {
  language: string;
  body: string;
}

/** The fenced blocks of the README's "## <heading>" section ("## Quick start" by default). */
export function quickStartBlocks(readmePath: string, heading = 'Quick start'): Block[] {
  const text = readFileSync(readmePath, 'utf8');
  const escaped = heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const start = text.search(new RegExp(`^## ${escaped}\\s*$`, 'm'));
  if (start < 0) throw new Error(`${readmePath} has no "## ${heading}" section`);
  const rest = text.slice(start + 1);
  const end = rest.search(/^## /m);
  const section = end < 0 ? rest : rest.slice(0, end);
  return [...section.matchAll(/^```([\w-]*)[^\n]*\n([\s\S]*?)^```\s*$/gm)].map((match) => ({ language: match[1]!, body: match[2]! }));
}

/** `npm install a b   # or: pnpm add a b` → the command for `manager`. */
export function commandFor(line: string, manager: Manager): string {
  const alternative = /^(npm install .+?)\s+#\s*or:\s*(pnpm add .+)$/.exec(line.trim());
  if (!alternative) return line;
  return manager === 'npm' ? alternative[1]! : alternative[2]!;
}

/** Commands of a sh block: comment-only and empty lines dropped, `\`-continued lines joined. */
export function commandsOf(body: string): string[] {
  const joined = body.replace(/\\\n\s*/g, ' ');
  return joined.split('\n').filter((line) => line.trim() !== '' && !line.trim().startsWith('#'));
}

export interface StepResult {
  command: string;
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface QuickStartRun {
  steps: StepResult[];
  /** stdout of each sh block that a ```text block follows, with that text. */
  outputs: { commands: string[]; expected: string; actual: string }[];
}

/**
 * Runs the Quick start (or the section `heading`) of `readmePath` in
 * `project`, after copying `userFiles` (name in the project → source path)
 * there. Throws with the command and its output when a command exits non-zero.
 */
export function runQuickStart(
  readmePath: string,
  project: string,
  manager: Manager,
  env: NodeJS.ProcessEnv,
  userFiles: Record<string, string> = {},
  heading = 'Quick start',
): QuickStartRun {
  for (const [name, source] of Object.entries(userFiles)) copyFileSync(source, join(project, name));
  const blocks = quickStartBlocks(readmePath, heading);
  const run: QuickStartRun = { steps: [], outputs: [] };
  blocks.forEach((block, index) => {
    const file = /^(?:\/\/|#) file: (\S+)\n/.exec(block.body);
    if (file) {
      writeFileSync(join(project, file[1]!), block.body.slice(file[0].length));
      return;
    }
    if (block.language !== 'sh') return;
    let stdout = '';
    const commands = commandsOf(block.body).map((line) => commandFor(line, manager));
    for (const command of commands) {
      const result = spawnSync('bash', ['-c', command], { cwd: project, env, encoding: 'utf8', timeout: 300000 });
      const step = { command, status: result.status, stdout: result.stdout, stderr: result.stderr };
      run.steps.push(step);
      if (result.status !== 0) {
        throw new Error(`${readmePath}: \`${command}\` exited with ${result.status} (${manager}, in ${project})\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
      }
      stdout += result.stdout;
    }
    const next = blocks[index + 1];
    if (next?.language === 'text') run.outputs.push({ commands, expected: next.body, actual: stdout });
  });
  return run;
}
