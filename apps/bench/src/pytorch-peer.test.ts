import { findTorchPython, torchCandidates } from './pytorch-peer';

describe('findTorchPython', () => {
  it('tries STRATA_BENCH_PYTHON first, then PATH, then the system interpreter', () => {
    expect(torchCandidates({ STRATA_BENCH_PYTHON: '/opt/py/bin/python' })).toEqual([
      '/opt/py/bin/python', 'python3', 'python', '/usr/bin/python3', '/usr/local/bin/python3',
    ]);
    expect(torchCandidates({})[0]).toBe('python3');
  });

  it('gives the reason, interpreter by interpreter, when none imports torch', () => {
    const found = findTorchPython(['/nonexistent/python3', process.execPath]);
    expect(found).toEqual({ reason: expect.stringMatching(/^no Python interpreter with torch \(\/nonexistent\/python3: not found; .*node.*\)$/) });
  });
});
