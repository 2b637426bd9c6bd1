import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runMlpMnist } from './mlp-mnist';

describe('mlp-mnist', () => {
  it('trains briefly, saves, and a reload reports the same test loss and accuracy', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlp-mnist-'));
    const file = path.join(dir, 'm.keras');
    const lines: string[] = [];
    const trained = await runMlpMnist({
      epochs: 1, trainSamples: 4096, seed: 3, verbose: 0, outDir: dir, savePath: file, log: (l) => lines.push(l),
    });
    expect(lines.join('\n')).toContain('Total params: 269,322');
    expect(fs.statSync(path.join(dir, 'mlp-mnist.png')).size).toBeGreaterThan(1000);
    expect(trained.testAccuracy).toBeGreaterThan(0.8);

    const reloaded = await runMlpMnist({ loadPath: file, verbose: 0, log: () => undefined });
    expect(reloaded.testAccuracy).toBe(trained.testAccuracy);
    expect(reloaded.testLoss).toBeCloseTo(trained.testLoss, 6);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
