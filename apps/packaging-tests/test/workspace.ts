/**
 * The publishable packages of the workspace, and running commands against them: what the packaging test
 * packs, installs and loads.
 */
import { execFileSync, type ExecFileSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root. */
export const repoRoot = path.resolve(__dirname, '../../..');

/** The fields of a package.json the test looks at. */
export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  main?: string;
  types?: string;
  files?: string[];
  scripts?: Record<string, string>;
  exports?: Record<string, string | Record<string, string>>;
  dependencies?: Record<string, string>;
}

/** A package under packages/ that is meant to be published. */
export interface WorkspacePackage {
  readonly dir: string;
  readonly manifest: Manifest;
}

/** Every package under packages/ that is not private, sorted by name. */
export function publishablePackages(): WorkspacePackage[] {
  const root = path.join(repoRoot, 'packages');
  return fs
    .readdirSync(root)
    .map((name) => path.join(root, name))
    .filter((dir) => fs.existsSync(path.join(dir, 'package.json')))
    .map((dir) => ({ dir, manifest: JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest }))
    .filter((pkg) => pkg.manifest.private !== true)
    .sort((a, b) => a.manifest.name.localeCompare(b.manifest.name));
}

/**
 * The environment for npm in the scratch project: without the `npm_config_*` settings that pnpm passes to
 * the scripts it runs (they belong to the workspace, not to a consumer's install).
 */
export function consumerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.toLowerCase().startsWith('npm_') && key !== 'NODE_OPTIONS' && key !== 'STRATA_BACKEND') env[key] = value;
  }
  return { ...env, ...extra };
}

/** Runs a command and returns its stdout; on failure the error carries stdout and stderr. */
export function run(command: string, args: string[], options: ExecFileSyncOptions): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options }).toString();
  } catch (err) {
    const e = err as { status?: number; stdout?: string; stderr?: string };
    throw new Error(
      `${command} ${args.join(' ')} failed (exit ${e.status}) in ${String(options.cwd)}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`,
    );
  }
}

/** The entry names in a .tgz, without the leading `package/`. */
export function tarballEntries(tarball: string): string[] {
  return run('tar', ['-tzf', tarball], {})
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => line.replace(/^package\//, ''));
}

/** Every file an `exports` map points to, per condition, with the conditions in their declared order. */
export function exportTargets(exportsField: Manifest['exports']): { subpath: string; conditions: string[]; targets: Record<string, string> }[] {
  return Object.entries(exportsField ?? {}).map(([subpath, target]) =>
    typeof target === 'string'
      ? { subpath, conditions: ['default'], targets: { default: target } }
      : { subpath, conditions: Object.keys(target), targets: target },
  );
}
