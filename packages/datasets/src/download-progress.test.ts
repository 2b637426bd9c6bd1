import { ProgressBar, renderProgressLine } from './download-progress';

describe('download progress', () => {
  it('renders a bar against the announced size, and the bytes alone without one', () => {
    const url = 'http://h/f.bin';
    expect(renderProgressLine({ url, receivedBytes: 0, totalBytes: 2048, done: false })).toBe(
      `  0% [>${' '.repeat(29)}] 0 B / 2.0 KB`,
    );
    expect(renderProgressLine({ url, receivedBytes: 1.5 * 1024 ** 2, totalBytes: 3 * 1024 ** 2, done: false })).toBe(
      ` 50% [${'='.repeat(15)}>${' '.repeat(14)}] 1.5 MB / 3.0 MB`,
    );
    expect(renderProgressLine({ url, receivedBytes: 2048, totalBytes: 2048, done: true })).toBe(`100% [${'='.repeat(30)}] 2.0 KB / 2.0 KB`);
    expect(renderProgressLine({ url, receivedBytes: 5 * 1024 ** 3, totalBytes: null, done: false })).toBe('5.00 GB received');
  });

  it('announces the URL once, redraws in place at most every 100 ms, and ends the line', () => {
    let out = '';
    const bar = new ProgressBar({ write: (t: string) => (out += t) });
    for (let i = 1; i <= 50; i++) bar.update({ url: 'http://h/f.bin', receivedBytes: i, totalBytes: 50, done: i === 50 });
    bar.end();
    expect(out.startsWith('Downloading data from http://h/f.bin\n\r')).toBe(true);
    // The first update and the final one; those in between fall within 100 ms.
    expect(out.split('\r')).toHaveLength(3);
    expect(out.endsWith(`100% [${'='.repeat(30)}] 50 B / 50 B\x1b[K\n`)).toBe(true);
  });
});
