/** The one table the GPU check ends with: Strata on the cuda backend against PyTorch, same call. */
import * as fs from 'node:fs';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function read(file: string): Json {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Json;
  } catch (err) {
    return { error: `${file}: ${(err as Error).message}` };
  }
}

const fmt = (v: unknown, digits = 3) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits) : '—');
const ratio = (a: unknown, b: unknown) => (typeof a === 'number' && typeof b === 'number' && b > 0 ? `${(a / b).toFixed(2)}×` : '—');

/** Prints rows of metric | Strata | PyTorch | Strata/PyTorch. */
export function printTable(strataFile: string, torchFile: string, kerasFile: string): void {
  const s = read(strataFile);
  const t = read(torchFile);
  const k = read(kerasFile);
  const kerasAccuracy = (model: string) => (Array.isArray(k[model]?.evaluate) ? k[model].evaluate[1] : undefined);
  const rows: Array<[string, unknown, unknown, string]> = [
    ['MLP s/epoch (steady, batch 128, Adam)', s['mlp']?.secondsPerEpoch, t['mlp']?.secondsPerEpoch, ratio(s['mlp']?.secondsPerEpoch, t['mlp']?.secondsPerEpoch)],
    ['MLP test accuracy after 20 epochs', s['mlp']?.testAccuracy, t['mlp']?.testAccuracy, ''],
    ['CNN s/epoch (steady, batch 128, Adam)', s['cnn']?.secondsPerEpoch, t['cnn']?.secondsPerEpoch, ratio(s['cnn']?.secondsPerEpoch, t['cnn']?.secondsPerEpoch)],
    ['CNN test accuracy', s['cnn']?.testAccuracy, t['cnn']?.testAccuracy, ''],
    ['Keras API MLP s/epoch (Sequential.fit)', k['mlp']?.secondsPerEpoch, t['mlp']?.secondsPerEpoch, ratio(k['mlp']?.secondsPerEpoch, t['mlp']?.secondsPerEpoch)],
    ['Keras API MLP test accuracy (seed: 98.5%)', kerasAccuracy('mlp'), t['mlp']?.testAccuracy, ''],
    ['Keras API CNN s/epoch (Sequential.fit)', k['cnn']?.secondsPerEpoch, t['cnn']?.secondsPerEpoch, ratio(k['cnn']?.secondsPerEpoch, t['cnn']?.secondsPerEpoch)],
    ['Keras API CNN test accuracy', kerasAccuracy('cnn'), t['cnn']?.testAccuracy, ''],
    ['GEMM 4096³ fp32 ms', s['gemm']?.fp32?.ms, t['gemm']?.fp32?.ms, ratio(s['gemm']?.fp32?.ms, t['gemm']?.fp32?.ms)],
    ['GEMM 4096³ tf32 ms', s['gemm']?.tf32?.ms, t['gemm']?.tf32?.ms, ratio(s['gemm']?.tf32?.ms, t['gemm']?.tf32?.ms)],
  ];
  console.log('\n| metric | Strata cuda | PyTorch | Strata/PyTorch |\n|---|---|---|---|');
  for (const [name, a, b, r] of rows) console.log(`| ${name} | ${fmt(a, 4)} | ${fmt(b, 4)} | ${r} |`);
  const c = s['conformance'];
  console.log(`| conformance vs tfjs-backend-cpu | ${c ? `${c.passed}/${c.cases}` : '—'} | | |`);
  console.log(`\ndevice: ${s['device'] ?? s['unavailable'] ?? s['error'] ?? '—'}; torch: ${t['device'] ?? t['error'] ?? '—'}`);
}
