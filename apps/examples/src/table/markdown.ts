import { ValueError } from 'strata-ml';

/** Escapes a cell so that `|` and line breaks do not end it. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/**
 * Writes `rows` under `header` as a Markdown table; `align` gives each column's alignment (`'l'` or `'r'`,
 * default left).
 */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly ('l' | 'r')[] = []): string {
  const width = header.length;
  const line = (cells: readonly string[]): string => {
    if (cells.length !== width) throw new ValueError(`markdownTable: every row needs ${width} cells; received ${cells.length}: ${JSON.stringify(cells)}`);
    return `| ${cells.map(cell).join(' | ')} |`;
  };
  const rule = `|${header.map((_, i) => (align[i] === 'r' ? '---:' : '---')).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n') + '\n';
}
