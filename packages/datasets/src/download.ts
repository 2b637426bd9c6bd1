/**
 * Downloads a file once and keeps it in a cache folder, as Keras's `get_file`: a later call with the same
 * name returns the cached copy. With a SHA-256 the bytes are verified; a file is written to a temporary
 * name and renamed only once complete and verified, so the cache never holds a partial or corrupt file.
 */
import { createHash, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StrataError, invalidArgument } from '@strata-ml/core';

/** Options of `getFile`. */
export interface GetFileArgs {
  /** Cache folder; created if missing. Default `~/.strata/datasets` (Keras uses `~/.keras/datasets`). */
  cacheDir?: string;
  /** Expected SHA-256 of the file, hex. When given, both a cached and a downloaded copy are verified. */
  sha256?: string;
  /** Name of the file in the cache. Default: the last segment of the URL's path. */
  fileName?: string;
}

/** An HTTP download that did not complete: a non-2xx status, a network failure or a checksum mismatch. */
export class DownloadError extends StrataError {}

/** The default cache folder, `~/.strata/datasets`. */
export function defaultCacheDir(): string {
  return path.join(os.homedir(), '.strata', 'datasets');
}

async function sha256Of(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(filePath), hash);
  return hash.digest('hex');
}

/**
 * Returns the local path of `url`'s content, downloading it into the cache only when it is not there yet
 * (or, with `sha256`, when the cached copy does not match).
 *
 * ```ts
 * const file = await getFile('https://example.org/data.bin', { sha256: 'ab12…' });
 * ```
 * @throws DownloadError on an HTTP error status, a network error, or a checksum mismatch (nothing is cached then)
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
  const cacheDir = args.cacheDir ?? defaultCacheDir();
  const target = path.join(cacheDir, fileName);

  if (fs.existsSync(target) && (expected === undefined || (await sha256Of(target)) === expected)) return target;

  fs.mkdirSync(cacheDir, { recursive: true });
  const partial = path.join(cacheDir, `.${fileName}.${randomUUID()}.part`);
  try {
    const actual = await download(url, partial);
    if (expected !== undefined && actual !== expected) {
      throw new DownloadError(`getFile: checksum mismatch for ${url}: expected sha256 ${expected}, received ${actual}`);
    }
    fs.renameSync(partial, target);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return target;
}

/** Streams `url` into `dest` and returns the SHA-256 of what was written. */
async function download(url: string, dest: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow' });
  } catch (err) {
    const cause = (err as { cause?: Error }).cause;
    throw new DownloadError(`getFile: cannot download ${url}: ${cause?.message ?? (err as Error).message}`);
  }
  if (!response.ok || response.body === null) {
    await response.body?.cancel();
    throw new DownloadError(`getFile: cannot download ${url}: HTTP ${response.status} ${response.statusText}`);
  }
  const hash = createHash('sha256');
  const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>);
  try {
    await pipeline(
      body,
      async function* hashing(chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          hash.update(chunk);
          yield chunk;
        }
      },
      fs.createWriteStream(dest),
    );
  } catch (err) {
    const cause = (err as { cause?: Error }).cause;
    throw new DownloadError(`getFile: download of ${url} broke off: ${cause?.message ?? (err as Error).message}`);
  }
  return hash.digest('hex');
}
