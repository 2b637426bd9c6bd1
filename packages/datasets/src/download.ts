/**
 * Downloads a file once and keeps it in a cache folder, as Keras's `get_file`: a later call with the same
 * name returns the cached copy. With a SHA-256 the bytes are verified; a file is written to a temporary
 * name and renamed only once complete and verified, so the cache never holds a partial or corrupt file.
 * Every attempt is bounded in time (`timeoutMs` without a byte fails it), failures that may pass are
 * retried with exponential back-off, and an `AbortSignal` stops the download at any point.
 */
import { createHash, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { StrataError, invalidArgument } from '@strata-ml/core';
import { progressSink } from './download-progress';
import type { DownloadProgress, ProgressSink } from './download-progress';
import { removeOrphanedPartials, partialFileName } from './partial-files';

/** Options of `getFile`. */
export interface GetFileArgs {
  /** Cache folder; created if missing. Default `~/.strata/datasets` (Keras uses `~/.keras/datasets`). */
  cacheDir?: string;
  /** Expected SHA-256 of the file, hex. When given, both a cached and a downloaded copy are verified. */
  sha256?: string;
  /** Name of the file in the cache. Default: the last segment of the URL's path. */
  fileName?: string;
  /**
   * Milliseconds an attempt may wait for the server: for the response headers, then between two chunks of
   * the body. A server that stays silent that long fails the attempt. Default 30000.
   */
  timeoutMs?: number;
  /** Further attempts after one that failed in a way that may pass (network error, timeout, HTTP 408, 429, 5xx). Default 3. */
  retries?: number;
  /** Wait before the first retry, in milliseconds; it doubles before each next one. Default 1000. */
  retryDelayMs?: number;
  /** Stops the download (and any wait between attempts); `getFile` then rejects with a `DownloadError`. */
  signal?: AbortSignal;
  /**
   * `true` draws a progress bar on stderr, `false` nothing, a function receives every update.
   * Default: a bar when stderr is a terminal.
   */
  progress?: boolean | ((progress: DownloadProgress) => void);
}

/**
 * A download that did not complete: an HTTP error status, a network failure, a timeout, an abort or a
 * checksum mismatch. `transient` tells whether trying again later may succeed.
 */
export class DownloadError extends StrataError {
  /** True for failures that may pass: network errors, timeouts, HTTP 408, 429 and 5xx. */
  readonly transient: boolean;

  constructor(message: string, options: { transient?: boolean; cause?: unknown } = {}) {
    super(message);
    this.transient = options.transient ?? false;
    if (options.cause !== undefined) this.cause = options.cause;
  }
}

/** The default cache folder, `~/.strata/datasets`. */
export function defaultCacheDir(): string {
  return path.join(os.homedir(), '.strata', 'datasets');
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_RETRIES = 3;
const DEFAULT_RETRY_DELAY_MS = 1000;

async function sha256Of(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(filePath), hash);
  return hash.digest('hex');
}

function checkCount(name: keyof GetFileArgs, value: number | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min) {
    throw invalidArgument('getFile', name, min === 0 ? 'a non-negative integer' : 'a positive integer', value);
  }
  return value;
}

/**
 * Returns the local path of `url`'s content, downloading it into the cache only when it is not there yet
 * (or, with `sha256`, when the cached copy does not match).
 *
 * ```ts
 * const file = await getFile('https://example.org/data.bin', { sha256: 'ab12…', timeoutMs: 10_000 });
 * ```
 * @throws DownloadError on an HTTP error status, a network error, a timeout, an abort, or a checksum
 *   mismatch (nothing is cached then)
 */
export async function getFile(url: string, args: GetFileArgs = {}): Promise<string> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalidArgument('getFile', 'url', 'an absolute http(s) URL', url);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw invalidArgument('getFile', 'url', 'an absolute http(s) URL', url);
  }
  const fileName = args.fileName ?? parsed.pathname.split('/').pop() ?? '';
  if (fileName === '' || fileName !== path.basename(fileName) || fileName === '.' || fileName === '..') {
    throw invalidArgument('getFile', 'fileName', 'a plain file name', fileName);
  }
  const expected = args.sha256?.toLowerCase();
  if (expected !== undefined && !/^[0-9a-f]{64}$/.test(expected)) {
    throw invalidArgument('getFile', 'sha256', '64 hex digits', args.sha256);
  }
  const timeoutMs = checkCount('timeoutMs', args.timeoutMs, DEFAULT_TIMEOUT_MS, 1);
  const retries = checkCount('retries', args.retries, DEFAULT_RETRIES, 0);
  const retryDelayMs = checkCount('retryDelayMs', args.retryDelayMs, DEFAULT_RETRY_DELAY_MS, 0);
  const { signal } = args;
  throwIfAborted(url, signal);
  const cacheDir = args.cacheDir ?? defaultCacheDir();
  const target = path.join(cacheDir, fileName);

  if (fs.existsSync(target) && (expected === undefined || (await sha256Of(target)) === expected)) return target;

  fs.mkdirSync(cacheDir, { recursive: true });
  removeOrphanedPartials(cacheDir, fileName);
  const partial = path.join(cacheDir, partialFileName(fileName, randomUUID()));
  const progress = progressSink(args.progress);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        const actual = await downloadOnce(url, partial, timeoutMs, signal, progress);
        if (expected !== undefined && actual !== expected) {
          throw new DownloadError(`getFile: checksum mismatch for ${url}: expected sha256 ${expected}, received ${actual}`);
        }
        break;
      } catch (err) {
        if (!(err instanceof DownloadError) || !err.transient || attempt >= retries) {
          throw attempt > 0 && err instanceof DownloadError ? afterAttempts(err, attempt + 1) : err;
        }
        await sleep(retryDelayMs * 2 ** attempt, url, signal);
      }
    }
    fs.renameSync(partial, target);
  } finally {
    progress?.end();
    fs.rmSync(partial, { force: true });
  }
  return target;
}

function afterAttempts(err: DownloadError, attempts: number): DownloadError {
  return new DownloadError(`${err.message} (gave up after ${attempts} attempts)`, { transient: err.transient, cause: err.cause });
}

function abortError(url: string, signal: AbortSignal): DownloadError {
  return new DownloadError(`getFile: download of ${url} was aborted`, { cause: signal.reason });
}

function throwIfAborted(url: string, signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(url, signal);
}

function sleep(ms: number, url: string, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(url, signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * One attempt: streams `url` into `dest` (replacing what an earlier attempt left) and returns the SHA-256
 * of what was written. A watchdog aborts the request when the server is silent for `timeoutMs`.
 */
async function downloadOnce(
  url: string,
  dest: string,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  progress: ProgressSink | null,
): Promise<string> {
  const controller = new AbortController();
  let phase: 'headers' | 'body' = 'headers';
  let timedOut = false;
  let watchdog: NodeJS.Timeout | undefined;
  const rearm = () => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
  };
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  rearm();
  try {
    const response = await fetch(url, { redirect: 'follow', signal: controller.signal });
    if (!response.ok || response.body === null) {
      await response.body?.cancel();
      throw new DownloadError(`getFile: cannot download ${url}: HTTP ${response.status} ${response.statusText}`, {
        transient: isTransientStatus(response.status),
      });
    }
    phase = 'body';
    rearm();
    const length = Number(response.headers.get('content-length'));
    const totalBytes = Number.isFinite(length) && length > 0 ? length : null;
    const hash = createHash('sha256');
    const file = await fs.promises.open(dest, 'w');
    try {
      const reader = response.body.getReader();
      let receivedBytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        rearm();
        hash.update(value);
        await file.write(value);
        receivedBytes += value.length;
        progress?.update({ url, receivedBytes, totalBytes, done: false });
      }
      await file.sync();
      progress?.update({ url, receivedBytes, totalBytes, done: true });
    } finally {
      await file.close();
    }
    return hash.digest('hex');
  } catch (err) {
    if (signal?.aborted) throw abortError(url, signal);
    if (timedOut) {
      throw new DownloadError(
        phase === 'headers'
          ? `getFile: no response from ${url} within ${timeoutMs} ms`
          : `getFile: download of ${url} stalled: no data for ${timeoutMs} ms`,
        { transient: true },
      );
    }
    if (err instanceof DownloadError) throw err;
    const cause = (err as { cause?: Error }).cause;
    const reason = cause?.message ?? (err as Error).message;
    throw new DownloadError(
      phase === 'headers' ? `getFile: cannot download ${url}: ${reason}` : `getFile: download of ${url} broke off: ${reason}`,
      { transient: true, cause: err },
    );
  } finally {
    clearTimeout(watchdog);
    signal?.removeEventListener('abort', onAbort);
  }
}
