/**
 * Label histograms printed as Python prints `dict(zip(*np.unique(y, return_counts=True)))`:
 * `{0: 5923, 1: 6742, …}`, keys ascending.
 */

/** How often each label occurs, keyed by label, ascending. */
export function countLabels(labels: ArrayLike<number>): Map<number, number> {
  const counts = new Map<number, number>();
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] as number;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return new Map([...counts].sort(([a], [b]) => a - b));
}

/** Formats counts as a Python dict literal: `{0: 980, 1: 1135}`. */
export function formatCounts(counts: ReadonlyMap<number, number>): string {
  return `{${[...counts].map(([label, count]) => `${label}: ${count}`).join(', ')}}`;
}
