/**
 * What a user gets from npm: every publishable package is packed as `pnpm pack` would publish it
 * (`workspace:*` rewritten to versions), the tarballs are installed with npm into an empty project, and the
 * packages are loaded from there with plain Node, without the workspace's `source` condition or tsx.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  consumerEnv,
  exportTargets,
  publishablePackages,
  repoRoot,
  run,
  tarballEntries,
  type Manifest,
  type WorkspacePackage,
} from './workspace';

/** Packages that may fail to pack (a native build could need a toolchain); all others must pack. */
const OPTIONAL = new Set(['@strata-ml/backend-cuda']);

const packages = publishablePackages();

interface Packed {
  readonly pkg: WorkspacePackage;
  readonly tarball: string;
  readonly entries: string[];
  readonly manifest: Manifest;
}

let work: string;
let app: string;
const packed = new Map<string, Packed>();
const notPacked = new Map<string, string>();

function pack(pkg: WorkspacePackage, destination: string): string {
  const before = new Set(fs.readdirSync(destination));
  run('npx', ['-y', 'pnpm@10', 'pack', '--pack-destination', destination], { cwd: pkg.dir, env: consumerEnv() });
  const created = fs.readdirSync(destination).filter((f) => !before.has(f) && f.endsWith('.tgz'));
  if (created.length !== 1) throw new Error(`pnpm pack in ${pkg.dir} produced ${JSON.stringify(created)}`);
  return path.join(destination, created[0] as string);
}

/** Runs a CommonJS snippet with plain Node in the scratch project and parses the JSON it prints last. */
function nodeInApp(args: string[]): unknown {
  const stdout = run(process.execPath, args, { cwd: app, env: consumerEnv() });
  return JSON.parse(stdout.trim().split('\n').pop() ?? 'null');
}

beforeAll(() => {
  for (const pkg of packages) {
    if (!fs.existsSync(path.join(pkg.dir, 'dist', 'index.js'))) {
      throw new Error(`${pkg.manifest.name} has no dist/index.js: build first (pnpm build, or pnpm test from the root)`);
    }
  }
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'strata-packaging-'));
  const tarballs = path.join(work, 'tarballs');
  app = path.join(work, 'app');
  fs.mkdirSync(tarballs);
  fs.mkdirSync(app);

  for (const pkg of packages) {
    try {
      const tarball = pack(pkg, tarballs);
      const manifest = JSON.parse(run('tar', ['-xzOf', tarball, 'package/package.json'], {})) as Manifest;
      packed.set(pkg.manifest.name, { pkg, tarball, entries: tarballEntries(tarball), manifest });
    } catch (err) {
      if (!OPTIONAL.has(pkg.manifest.name)) throw err;
      notPacked.set(pkg.manifest.name, (err as Error).message);
    }
  }

  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  // Install scripts are skipped: a native addon's build needs a toolchain this test does not assume.
  run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline', '--loglevel=error', ...[...packed.values()].map((p) => p.tarball)],
    { cwd: app, env: consumerEnv() },
  );
});

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('packing', () => {
  it('packs every publishable package (only optional ones may fail)', () => {
    expect(packages.length).toBeGreaterThanOrEqual(10);
    const missing = packages.map((p) => p.manifest.name).filter((name) => !packed.has(name) && !OPTIONAL.has(name));
    expect(missing).toEqual([]);
    expect(packed.has('strata-ml')).toBe(true);
  });

  it('rewrites workspace: ranges to published versions', () => {
    for (const { manifest } of packed.values()) {
      for (const [dep, range] of Object.entries(manifest.dependencies ?? {})) {
        expect(`${manifest.name} → ${dep}@${range}`).not.toMatch(/workspace:/);
      }
    }
  });

  it.each(packages.map((p) => p.manifest.name))('%s ships built code only: no tests, sources or configs', (name) => {
    const p = packed.get(name);
    if (p === undefined) return; // an optional package that did not pack; checked above
    expect(p.entries).toEqual(expect.arrayContaining(['package.json', 'dist/index.js', 'dist/index.d.ts']));
    const unwanted = p.entries.filter(
      (entry) =>
        /(^|\/)[^/]*\.test\.[^/]+$/.test(entry) ||
        /(^|\/)(test|tests|__tests__|testing)\//.test(entry) ||
        /^src\//.test(entry) ||
        (/\.tsx?$/.test(entry) && !entry.endsWith('.d.ts')) ||
        /(^|\/)(tsconfig[^/]*\.json|jest\.config\.js)$/.test(entry),
    );
    expect(unwanted).toEqual([]);
  });

  it.each(packages.map((p) => p.manifest.name))('%s declares exports with types first, resolving to shipped files', (name) => {
    const p = packed.get(name);
    if (p === undefined) return;
    const files = new Set(p.entries);
    const shipped = (target: string): boolean => files.has(target.replace(/^\.\//, ''));
    const root = exportTargets(p.manifest.exports).find((e) => e.subpath === '.');
    expect(root?.conditions[0]).toBe('types');
    const unresolved: string[] = [];
    for (const { subpath, targets } of exportTargets(p.manifest.exports)) {
      for (const [condition, target] of Object.entries(targets)) {
        if (!shipped(target)) unresolved.push(`${subpath} (${condition}) → ${target}`);
      }
    }
    for (const [field, target] of [['main', p.manifest.main], ['types', p.manifest.types]] as const) {
      if (target !== undefined && !shipped(target)) unresolved.push(`${field} → ${target}`);
    }
    expect(unresolved).toEqual([]);
  });
});

describe('installed with npm', () => {
  it.each(packages.map((p) => p.manifest.name))('%s loads with plain require()', (name) => {
    if (!packed.has(name)) return;
    const keys = nodeInApp(['-e', `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(name)}))))`]);
    expect(Array.isArray(keys) && keys.length > 0).toBe(true);
  });

  it('strata runs ops on the default WASM backend and reads the bundled MNIST', () => {
    const script = `
      const strata = require('strata-ml');
      (async () => {
        const backend = await strata.ready();
        const tf = strata.tf;
        const product = tf.tidy(() => Array.from(tf.matMul(tf.tensor2d([[1, 2], [3, 4]]), tf.tensor2d([[5], [6]])).dataSync()));
        const oneHot = strata.toCategorical([2, 0], 3);
        const oneHotValues = Array.from(oneHot.dataSync());
        oneHot.dispose();
        const { yTest } = strata.datasets.mnist.loadDataArrays();
        console.log(JSON.stringify({
          backend, active: strata.getBackend(), product, oneHot: oneHotValues,
          yTest: [yTest.shape, yTest.data[0]], tensors: tf.memory().numTensors,
        }));
      })().catch((err) => { console.error(err); process.exit(1); });`;
    expect(nodeInApp(['-e', script])).toEqual({
      backend: 'wasm',
      active: 'wasm',
      product: [17, 39],
      oneHot: [0, 0, 1, 1, 0, 0],
      yTest: [[10000], 7],
      tensors: 0,
    });
  });

  it('@strata-ml/core finds the WASM backend by name from an npm install', () => {
    const script = `
      const core = require('@strata-ml/core');
      core.ready().then((backend) => console.log(JSON.stringify({ backend, installed: core.installedBackends() })),
        (err) => { console.error(err); process.exit(1); });`;
    expect(nodeInApp(['-e', script])).toEqual({ backend: 'wasm', installed: expect.arrayContaining(['wasm', 'cpu']) });
  });

  it('strata offers named ESM imports', () => {
    const script = `
      import { ready, tf, layers, datasets, toCategorical } from 'strata-ml';
      console.log(JSON.stringify({ backend: await ready(), tf: typeof tf.add, layers: typeof layers,
        mnist: typeof datasets.mnist.loadData, toCategorical: typeof toCategorical }));`;
    expect(nodeInApp(['--input-type=module', '-e', script])).toEqual({
      backend: 'wasm',
      tf: 'function',
      layers: 'object',
      mnist: 'function',
      toCategorical: 'function',
    });
  });

  it('type-checks a TypeScript consumer against the shipped declarations', () => {
    fs.writeFileSync(
      path.join(app, 'consumer.ts'),
      [
        "import * as strata from 'strata-ml';",
        "import { mnist, readIdx, type IdxArray } from '@strata-ml/datasets';",
        'export async function main(): Promise<number[]> {',
        "  const backend: string = await strata.ready();",
        '  const x: strata.Tensor = strata.tf.ones([2, 2]);',
        '  const data: mnist.MnistArrays = mnist.loadDataArrays();',
        '  const read: (bytes: Uint8Array, file: string) => IdxArray = readIdx;',
        '  return [backend.length, read.length, ...x.shape, ...data.yTest.shape];',
        '}',
        'export type Names = [typeof strata.Sequential, typeof strata.layers, typeof strata.optimizers, typeof strata.losses];',
        '',
      ].join('\n'),
    );
    fs.writeFileSync(
      path.join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'Node16',
          moduleResolution: 'Node16',
          lib: ['ES2022', 'DOM'],
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        files: ['consumer.ts'],
      }),
    );
    const tsc = require.resolve('typescript/bin/tsc', { paths: [repoRoot] });
    expect(() => run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: app, env: consumerEnv() })).not.toThrow();
  });
});
