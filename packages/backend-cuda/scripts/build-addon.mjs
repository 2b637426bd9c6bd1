// Builds the CUDA addon with cmake-js when nvcc and cmake are present; otherwise records why it did not
// (build/addon-skipped.txt, which unavailableReason() repeats) and succeeds, so the workspace builds on
// machines without the CUDA toolkit. A failed compile with the toolkit present fails the build.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = path.join(root, 'build');
const skipFile = path.join(buildDir, 'addon-skipped.txt');

function found(command) {
  const r = spawnSync(command, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? (r.stdout.split('\n').find((l) => /release|version/i.test(l)) ?? '').trim() : null;
}

function skip(reason) {
  fs.mkdirSync(buildDir, { recursive: true });
  fs.writeFileSync(skipFile, `${reason}\n`);
  console.log(`@strata-ml/backend-cuda: CUDA addon not built: ${reason}. The TypeScript build is complete; setBackend('cuda') will explain what is missing.`);
}

const nvcc = found(process.env.CUDACXX || 'nvcc');
const cmake = found('cmake');
if (nvcc === null) {
  skip('nvcc (the CUDA 13 compiler) was not found on PATH');
} else if (cmake === null) {
  skip('cmake was not found on PATH');
} else {
  fs.rmSync(skipFile, { force: true });
  const cmakeJs = createRequire(import.meta.url).resolve('cmake-js/bin/cmake-js');
  console.log(`@strata-ml/backend-cuda: building the CUDA addon (${nvcc}; ${cmake})`);
  const start = Date.now();
  const r = spawnSync(process.execPath, [cmakeJs, 'compile', '--log-level', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('@strata-ml/backend-cuda: the CUDA addon failed to build (see the compiler output above)');
    process.exit(r.status ?? 1);
  }
  console.log(`@strata-ml/backend-cuda: CUDA addon built in ${((Date.now() - start) / 1000).toFixed(1)} s`);
}
