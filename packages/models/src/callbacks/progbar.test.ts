import { Progbar, formatLogValue, formatTimePerStep } from './progbar';

function fakeClock(): { now: () => number; advance: (ms: number) => void } {
  let t = 0;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

describe('Progbar', () => {
  it('draws the Keras line at the end of an epoch on a terminal', () => {
    const clock = fakeClock();
    let out = '';
    const bar = new Progbar({ target: 469, isTTY: true, write: (s) => void (out += s), now: clock.now });
    clock.advance(100);
    bar.update(100, { loss: 0.9, accuracy: 0.7 });
    expect(out).toBe('\r100/469 [=====>........................] - ETA: 0s - loss: 0.9000 - accuracy: 0.7000');
    out = '';
    clock.advance(2714);
    bar.update(469, { loss: 0.41039, accuracy: 0.87612 });
    expect(out).toBe('\r469/469 [==============================] - 3s 6ms/step - loss: 0.4104 - accuracy: 0.8761\n');
  });

  it('redraws at most every interval, and only once at the end when not a terminal', () => {
    const clock = fakeClock();
    const writes: string[] = [];
    const bar = new Progbar({ target: 10, isTTY: true, interval: 0.05, write: (s) => void writes.push(s), now: clock.now });
    bar.update(1, {});
    clock.advance(10);
    expect(bar.wantsUpdate(2)).toBe(false);
    bar.update(2, {});
    clock.advance(60);
    bar.update(3, {});
    expect(writes).toHaveLength(2);
    const plain: string[] = [];
    const quiet = new Progbar({ target: 10, isTTY: false, write: (s) => void plain.push(s), now: clock.now });
    for (let i = 1; i <= 10; i++) quiet.update(i, { loss: 1 });
    expect(plain).toEqual(['10/10 [==============================] - 0s 0s/step - loss: 1.0000\n']);
  });

  it('writes one summary line per epoch with verbose 2', () => {
    const clock = fakeClock();
    const writes: string[] = [];
    const bar = new Progbar({ target: 469, verbose: 2, isTTY: true, write: (s) => void writes.push(s), now: clock.now });
    bar.update(5, { loss: 1 });
    clock.advance(3000);
    bar.update(469, { loss: 0.5 });
    expect(writes).toEqual(['469/469 - 3s - 6ms/step - loss: 0.5000\n']);
  });

  it('formats values and step times as Keras', () => {
    expect(formatLogValue(0.41039)).toBe('0.4104');
    expect(formatLogValue(0.00001234)).toBe('1.2340e-5');
    expect(formatLogValue(NaN)).toBe('NaN');
    expect(formatTimePerStep(2.2)).toBe('2s/step');
    expect(formatTimePerStep(0.0061)).toBe('6ms/step');
    expect(formatTimePerStep(0.00012)).toBe('120us/step');
  });
});
