import { parseProfileArgs } from './kernel-profile-args';

describe('parseProfileArgs', () => {
  it('defaults to 20 fit steps of the MLP, products by kernel', () => {
    expect(parseProfileArgs([])).toEqual({ model: 'mlp', steps: 20, mode: 'fit', shapes: false });
  });

  it('reads every option', () => {
    expect(parseProfileArgs(['--model', 'cnn', '--steps', '3', '--mode', 'step', '--shapes'])).toEqual({ model: 'cnn', steps: 3, mode: 'step', shapes: true });
  });

  it('names the bad argument and prints the usage', () => {
    expect(() => parseProfileArgs(['--model', 'gan'])).toThrow("kernel-profile: bad argument '--model gan'\nusage: kernel-profile");
    expect(() => parseProfileArgs(['--steps', '0'])).toThrow("bad argument '--steps 0'");
    expect(() => parseProfileArgs(['--fast'])).toThrow("bad argument '--fast'");
  });
});
