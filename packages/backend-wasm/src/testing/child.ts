/**
 * Test support: runs a CommonJS script in a fresh Node process from the package folder (sources through
 * tsx) and parses the JSON its last output line holds. The backend's thread count is fixed when the
 * backend starts, so threaded runs happen in a child process.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const packageRoot = path.resolve(__dirname, '..', '..');

/**
 * Runs `script` with `env` added to this process's environment and `nodeFlags` before Node's own; rejects
 * with its stderr if it fails.
 */
export async function runInChild<T>(script: string, env: Record<string, string>, nodeFlags: readonly string[] = []): Promise<T> {
  const { stdout } = await run(process.execPath, [...nodeFlags, '--conditions=source', '--import', 'tsx', '-e', script], {
    cwd: packageRoot,
    env: { ...process.env, ...env },
  });
  return JSON.parse(stdout.trim().split('\n').pop() as string) as T;
}
