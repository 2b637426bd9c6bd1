/**
 * Names of the partial files `getFile` downloads into, and the clean-up of those a killed process left:
 * `.<fileName>.<host>.<pid>.<id>.part`. A partial is orphaned when its process, on this host, is gone, or
 * when it has not been written for a day (a process on another host sharing the folder, or a reused pid).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const STALE_MS = 24 * 60 * 60 * 1000;

/** The partial-file name for one download of `fileName` by this process. */
export function partialFileName(fileName: string, id: string): string {
  return `.${fileName}.${os.hostname()}.${process.pid}.${id}.part`;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, owned by another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the partial files of `fileName` in `dir` whose download can no longer finish. */
export function removeOrphanedPartials(dir: string, fileName: string): void {
  const prefix = `.${fileName}.`;
  const host = os.hostname();
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith(prefix) || !name.endsWith('.part')) continue;
    const match = /^(.+)\.(\d+)\.[^.]+\.part$/.exec(name.slice(prefix.length));
    const file = path.join(dir, name);
    try {
      const dead = match !== null && match[1] === host && !processIsAlive(Number(match[2]));
      if (dead || Date.now() - fs.statSync(file).mtimeMs > STALE_MS) fs.rmSync(file, { force: true });
    } catch {
      /* removed meanwhile by its own process */
    }
  }
}
