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
  const dir = dirname(path);
  // Unique per process and call; the time keeps a reused pid from meeting a crashed run's leftover.
  const temp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.${counter++}.tmp`);
  let fd = openSync(temp, 'wx', 0o644);
  try {
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = -1;
    renameSync(temp, path);
  } catch (e) {
    if (fd >= 0) closeSync(fd);
    rmSync(temp, { force: true });
    throw e;
  }
  syncDirectory(dir);
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
