/**
 * Crash-safe file replacement for Node: the bytes go to a temporary file in the same directory, are
 * flushed to disk (fsync), and the temporary file is renamed over the target. A rename within one
 * directory is atomic on POSIX and NTFS, so a reader (or a process killed mid-save) sees either the whole
 * old file or the whole new one, never a mix.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

let counter = 0;

/** Writes `bytes` to `path` atomically (temp file + fsync + rename), creating or replacing it. */
export function atomicWriteFile(path: string, bytes: Uint8Array): void {
  atomicWriteFiles([[path, bytes]]);
}

/**
 * Writes several files, each atomically, so that an error (a full disk, a missing folder) replaces none
 * of them: every file is first written and synced beside its target, then all are renamed into place in
 * the order given (put the file that refers to the others last).
 */
export function atomicWriteFiles(files: readonly (readonly [string, Uint8Array])[]): void {
  const temps: string[] = [];
  try {
    for (const [path, bytes] of files) temps.push(writeTemp(path, bytes));
    files.forEach(([path], i) => renameSync(temps[i] as string, path));
  } catch (e) {
    for (const temp of temps) rmSync(temp, { force: true });
    throw e;
  }
  for (const dir of new Set(files.map(([path]) => dirname(path)))) syncDirectory(dir);
}

function writeTemp(path: string, bytes: Uint8Array): string {
  // Unique per process and call; the time keeps a reused pid from meeting a crashed run's leftover.
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.${counter++}.tmp`);
  let fd = openSync(temp, 'wx', 0o644);
  try {
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = -1;
    return temp;
  } catch (e) {
    if (fd >= 0) closeSync(fd);
    rmSync(temp, { force: true });
    throw e;
  }
}

function syncDirectory(dir: string): void {
  // Makes the rename itself durable; directories cannot be opened for fsync on Windows, which is fine.
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* best effort: the data itself is already synced */
  }
}
