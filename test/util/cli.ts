/** Running the built CLI (dist/cli.js) as a user would, and the throwaway folders its tests check. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const CLI = path.resolve(__dirname, '../../../dist/cli.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `apim-policy <args>` in a child process; with `timeoutMs`, a run that does not finish in time fails the test. */
export function runCli(args: string[], options: { cwd?: string; input?: string; timeoutMs?: number } = {}): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: options.cwd, input: options.input, timeout: options.timeoutMs });
  if (options.timeoutMs !== undefined) assert.equal(r.signal, null, `apim-policy ${args.join(' ')} did not finish within ${options.timeoutMs} ms`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A new temp folder holding `files` (relative path → content). */
export function makeTree(files: Record<string, string>, prefix = 'apim-cli-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }
  return dir;
}
