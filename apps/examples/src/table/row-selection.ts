import { ValueError } from 'strata-ml';

/**
 * Parses a 1-based row selection such as `1,5,14-16` into ascending, distinct row numbers, each within
 * `1..count`. Throws a `ValueError` that repeats the selection when a part is not a row or a range.
 */
export function parseRowSelection(spec: string, count: number): number[] {
  const rows = new Set<number>();
  const fail = (why: string): never => {
    throw new ValueError(`--rows: ${why}; expected row numbers 1-${count} or ranges like 14-16, separated by commas; received --rows=${JSON.stringify(spec)}`);
  };
  for (const raw of spec.split(',')) {
    const part = raw.trim();
    const match = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (match === null) fail(`'${part}' is not a row or a range`);
    const first = Number(match?.[1]);
    const last = match?.[2] === undefined ? first : Number(match[2]);
    if (first > last) fail(`the range '${part}' runs backwards`);
    if (first < 1 || last > count) fail(`'${part}' is outside 1-${count}`);
    for (let r = first; r <= last; r++) rows.add(r);
  }
  return [...rows].sort((a, b) => a - b);
}
