import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PNG } from 'pngjs';
import { runSampler } from './mnist-sampler';

describe('mnist-sampler (Listing 1.3.1)', () => {
  let outDir: string;
  beforeAll(() => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'strata-sampler-'));
  });
  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

  function sample(seed: number): { lines: string[]; file: string } {
    const lines: string[] = [];
    const file = runSampler({ seed, outDir, log: (line) => lines.push(line) });
    return { lines, file };
  }

  it('prints the label counts exactly as the seed does', () => {
    const { lines } = sample(1);
    expect(lines[0]).toBe('Train labels:  {0: 5923, 1: 6742, 2: 5958, 3: 6131, 4: 5842, 5: 5421, 6: 5918, 7: 6265, 8: 5851, 9: 5949}');
    expect(lines[1]).toBe('Test labels:  {0: 980, 1: 1135, 2: 1032, 3: 1010, 4: 982, 5: 892, 6: 958, 7: 1028, 8: 974, 9: 1009}');
  });

  it('writes a 5×5 grid PNG of 25 digits, the same for the same seed', () => {
    const first = sample(7);
    expect(first.file).toBe(path.join(outDir, 'mnist-samples.png'));
    const grid = first.lines.slice(3, 8);
    expect(grid).toHaveLength(5);
    for (const row of grid) expect(row).toMatch(/^[0-9]( [0-9]){4}$/);
    const png = PNG.sync.read(fs.readFileSync(first.file));
    expect([png.width, png.height]).toEqual([5 * 56 + 6 * 8, 5 * 68 + 6 * 8]);
    const bytes = fs.readFileSync(first.file);

    const again = sample(7);
    expect(again.lines.slice(3, 8)).toEqual(grid);
    expect(fs.readFileSync(again.file).equals(bytes)).toBe(true);
    expect(sample(8).lines.slice(3, 8)).not.toEqual(grid);
  });
});
