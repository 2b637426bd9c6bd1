import { ValueError } from '@strata-ml/core';
import { formatFilepath } from './format-filepath';

describe('formatFilepath', () => {
  it('formats as Python str.format does for the specs checkpoints use', () => {
    const logs = { epoch: 3, loss: 0.123456, val_loss: 1.005, acc: 0.5, big: 12345.678 };
    expect(formatFilepath('m-{epoch:02d}-{val_loss:.2f}.keras', logs, 'w')).toBe('m-03-1.00.keras');
    expect(formatFilepath('{epoch}/{loss}', logs, 'w')).toBe('3/0.123456');
    expect(formatFilepath('{loss:.3e}', logs, 'w')).toBe('1.235e-01');
    expect(formatFilepath('{acc:.1%}', logs, 'w')).toBe('50.0%');
    expect(formatFilepath('{epoch:4d}|{epoch:04d}', logs, 'w')).toBe('   3|0003');
    expect(formatFilepath('{big:.3g}', logs, 'w')).toBe('12300');
    expect(formatFilepath('{loss:.0f}', { loss: -2.6 }, 'w')).toBe('-3');
  });

  it('names a missing entry and a bad spec', () => {
    expect(() => formatFilepath('{val_acc:.2f}', { epoch: 1, loss: 2 }, 'ModelCheckpoint')).toThrow(
      new ValueError(`ModelCheckpoint: the filepath "{val_acc:.2f}" names '{val_acc}', which is not available; available: epoch, loss`),
    );
    expect(() => formatFilepath('{loss:x}', { loss: 2 }, 'ModelCheckpoint')).toThrow("ModelCheckpoint: unsupported format spec ':x'");
    expect(() => formatFilepath('{loss:d}', { loss: 2.5 }, 'ModelCheckpoint')).toThrow("ModelCheckpoint: format ':d' needs an integer; received 2.5");
  });
});
