/**
 * The GPU check of @strata-ml/backend-cuda, bundled into one file with Node carried to the GPU machine:
 * conformance against tfjs-backend-cpu, training the seed MLP and the CNN on the device, and a 4096³
 * GEMM, each timed; results go to a JSON file that the table printer compares with PyTorch's.
 *
 *   node gpu-check.cjs --data DIR --out DIR [--dry-run] [--mlp-epochs 20] [--cnn-epochs 3]
 *   node gpu-check.cjs --table strata.json torch.json strata-train.json
 *
 * --dry-run runs the same conformance harness on the CPU backend against itself (and a short training),
 * to check the bundle starts where there is no GPU.
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tfc from '@tensorflow/tfjs-core';
import '@strata-ml/core'; // registers tfjs-core's gradients
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CudaBackend } from '../../src/cuda-backend';
import { describeRuntime, runtimeProbe } from '../../src/index';
import { conformanceCases, runConformance } from '@strata-ml/kernel-conformance';
import { accuracy, cnn, mlp, trainStep, type ReferenceModel } from '../../src/conformance/reference-models';
import { loadMnist, type MnistSplit } from './mnist';
import { printTable } from './table';

interface Options {
  dryRun: boolean;
  data: string;
  out: string;
  mlpEpochs: number;
  cnnEpochs: number;
}

function parseOptions(argv: string[]): Options {
  const value = (flag: string, fallback: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 && argv[i + 1] !== undefined ? (argv[i + 1] as string) : fallback;
  };
  const dryRun = argv.includes('--dry-run');
  return {
    dryRun,
    data: value('--data', 'mnist'),
    out: value('--out', process.env['OUT'] ?? 'out'),
    mlpEpochs: Number(value('--mlp-epochs', dryRun ? '1' : '20')),
    cnnEpochs: Number(value('--cnn-epochs', dryRun ? '1' : '3')),
  };
}

function log(line: string): void {
  console.log(`[gpu-check ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

/** Trains `model` with Adam(0.001, ε 1e-7), batch 128, on the current backend; returns timing and test accuracy. */
async function train(model: ReferenceModel, trainSet: MnistSplit, testSet: MnistSplit, epochs: number, limit: number) {
  const n = Math.min(trainSet.count, limit);
  const batch = 128;
  const shape = (count: number) => [count, ...model.inputShape];
  const x = tfc.tensor(trainSet.images.subarray(0, n * 784), shape(n));
  const y = tfc.oneHot(tfc.tensor1d(trainSet.labels.subarray(0, n), 'int32'), 10);
  const optimizer = tfc.train.adam(0.001, 0.9, 0.999, 1e-7);
  const epochTimes: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = tfc.util.createShuffledIndices(n);
    const start = performance.now();
    let lastLoss: tfc.Scalar | null = null;
    for (let b = 0; b < n; b += batch) {
      const idx = tfc.tensor1d(Int32Array.from(order.subarray(b, Math.min(n, b + batch))), 'int32');
      const loss = tfc.tidy(() => trainStep(model, optimizer, tfc.gather(x, idx), tfc.gather(y, idx)));
      idx.dispose();
      lastLoss?.dispose();
      lastLoss = loss;
    }
    const lossValue = lastLoss ? (await lastLoss.data())[0] : NaN;
    lastLoss?.dispose();
    const seconds = (performance.now() - start) / 1000;
    epochTimes.push(seconds);
    log(`${model.name} epoch ${epoch + 1}/${epochs}: ${seconds.toFixed(2)} s, last batch loss ${lossValue?.toFixed(4)}`);
  }
  tfc.dispose([x, y]);
  optimizer.dispose();
  const testAccuracy = await evaluate(model, testSet, limit);
  tfc.dispose(model.params);
  // The first epoch includes cuBLAS and allocator warm-up; the steady state is the median of the rest.
  const steady = epochTimes.length > 1 ? median(epochTimes.slice(1)) : (epochTimes[0] ?? NaN);
  return { epochs, secondsPerEpoch: steady, firstEpochSeconds: epochTimes[0] ?? NaN, totalSeconds: epochTimes.reduce((a, b) => a + b, 0), testAccuracy };
}

async function evaluate(model: ReferenceModel, testSet: MnistSplit, limit: number): Promise<number> {
  const n = Math.min(testSet.count, limit);
  let correct = 0;
  for (let b = 0; b < n; b += 1000) {
    const m = Math.min(1000, n - b);
    const acc = tfc.tidy(() => {
      const x = tfc.tensor(testSet.images.subarray(b * 784, (b + m) * 784), [m, ...model.inputShape]);
      const y = tfc.oneHot(tfc.tensor1d(testSet.labels.subarray(b, b + m), 'int32'), 10);
      return accuracy(y, model.forward(x, false));
    });
    correct += ((await acc.data())[0] ?? 0) * m;
    acc.dispose();
  }
  return correct / n;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

/** Times C = A·B for 4096×4096 float32 matrices; returns milliseconds and TFLOP/s. */
async function gemm(size: number, repeats: number) {
  const a = tfc.randomNormal([size, size]);
  const b = tfc.randomNormal([size, size]);
  tfc.matMul(a, b).dispose();
  await (tfc.sum(a).data());
  const start = performance.now();
  let c: tfc.Tensor | null = null;
  for (let i = 0; i < repeats; i++) {
    c?.dispose();
    c = tfc.matMul(a, b);
  }
  await (c as tfc.Tensor).data();
  const ms = (performance.now() - start) / repeats;
  tfc.dispose([a, b, c as tfc.Tensor]);
  return { size, ms, tflops: (2 * size ** 3) / (ms / 1000) / 1e12 };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--table') {
    printTable(argv[1] ?? 'strata.json', argv[2] ?? 'torch.json', argv[3] ?? 'strata-train.json');
    return;
  }
  const o = parseOptions(argv);
  fs.mkdirSync(o.out, { recursive: true });
  const target = o.dryRun ? 'cpu' : 'cuda';
  const report: Record<string, unknown> = { target, node: process.version };
  if (!o.dryRun) {
    const probe = runtimeProbe();
    if (!probe.ok) {
      log(`cuda backend unavailable: ${probe.reason}`);
      report['unavailable'] = probe.reason;
      fs.writeFileSync(path.join(o.out, 'strata.json'), JSON.stringify(report, null, 2));
      process.exitCode = 1;
      return;
    }
    report['device'] = describeRuntime(probe.runtime);
    log(`device: ${report['device']}`);
  }

  log(`conformance: ${conformanceCases().length} cases, cpu vs ${target}`);
  const results = await runConformance({ reference: 'cpu', target, seed: 7 });
  const failures = results.filter((r) => !r.ok);
  fs.writeFileSync(path.join(o.out, 'conformance.json'), JSON.stringify(results, null, 2));
  for (const r of failures) log(`FAIL ${r.name} ${JSON.stringify(r.shapes)}: ${r.message}`);
  report['conformance'] = { cases: results.length, passed: results.length - failures.length, failed: failures.map((f) => `${f.name}: ${f.message}`) };
  log(`conformance: ${results.length - failures.length}/${results.length} passed`);

  await tfc.setBackend(target);
  // The dry run only proves the bundle trains end to end; a few hundred examples keep it short on a CPU.
  const limit = o.dryRun ? 128 : Infinity;
  const trainSet = loadMnist(o.data, 'train');
  const testSet = loadMnist(o.data, 't10k');
  for (const [name, make, epochs] of [
    ['mlp', () => mlp(1), o.mlpEpochs],
    ['cnn', () => cnn(2), o.cnnEpochs],
  ] as Array<[string, () => ReferenceModel, number]>) {
    try {
      report[name] = await train(make(), trainSet, testSet, epochs, limit);
      log(`${name}: ${JSON.stringify(report[name])}`);
    } catch (err) {
      report[name] = { error: (err as Error).message };
      log(`${name} failed: ${(err as Error).stack}`);
    }
  }
  try {
    report['gemm'] = { fp32: await gemm(o.dryRun ? 256 : 4096, o.dryRun ? 2 : 20) };
    if (!o.dryRun) {
      const backend = tfc.backend() as CudaBackend;
      backend.options.tf32 = true;
      (report['gemm'] as Record<string, unknown>)['tf32'] = await gemm(4096, 20);
      backend.options.tf32 = false;
    }
    log(`gemm: ${JSON.stringify(report['gemm'])}`);
  } catch (err) {
    report['gemm'] = { error: (err as Error).message };
    log(`gemm failed: ${(err as Error).message}`);
  }
  report['numTensorsAtEnd'] = tfc.memory().numTensors;
  fs.writeFileSync(path.join(o.out, 'strata.json'), JSON.stringify(report, null, 2));
  if (failures.length > 0) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
