/**
 * Fills a checkpoint path template the way Keras does with Python's `str.format`: `{epoch}` (1-based),
 * `{batch}`, and any log entry, each with an optional format spec: `{epoch:02d}`, `{val_loss:.2f}`,
 * `{loss:.3e}`, `{acc:.1%}`.
 */
import { ValueError } from '@strata-ml/core';

function formatNumber(value: number, spec: string, where: string): string {
  if (spec === '') return String(value);
  const m = /^(0?)(\d*)(?:\.(\d+))?([dfeg%])$/.exec(spec);
  if (m === null) throw new ValueError(`${where}: unsupported format spec ':${spec}' (use d, .Nf, .Ne, .Ng or .N%)`);
  const [, zero, width, precision, type] = m;
  const p = precision === undefined ? 6 : Number(precision);
  let text: string;
  if (type === 'd') {
    if (!Number.isInteger(value)) throw new ValueError(`${where}: format ':${spec}' needs an integer; received ${value}`);
    text = String(Math.abs(value));
  } else if (type === 'f') text = Math.abs(value).toFixed(p);
  else if (type === 'e') text = Math.abs(value).toExponential(p).replace(/e([+-])(\d)$/, 'e$10$2');
  else if (type === '%') text = `${(Math.abs(value) * 100).toFixed(p)}%`;
  else text = String(Number(Math.abs(value).toPrecision(p === 0 ? 1 : p)));
  const sign = value < 0 ? '-' : '';
  const w = width === '' ? 0 : Number(width);
  const pad = Math.max(0, w - sign.length - text.length);
  return zero === '0' ? sign + '0'.repeat(pad) + text : ' '.repeat(pad) + sign + text;
}

/** Fills `template` from `values`; an unknown name raises a `ValueError` listing the available ones. */
export function formatFilepath(template: string, values: Readonly<Record<string, number>>, where: string): string {
  return template.replace(/\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?\}/g, (_, name: string, spec: string | undefined) => {
    const value = values[name];
    if (value === undefined) {
      throw new ValueError(`${where}: the filepath ${JSON.stringify(template)} names '{${name}}', which is not available; available: ${Object.keys(values).join(', ')}`);
    }
    return formatNumber(value, spec ?? '', where);
  });
}
