import { markdownTable } from './markdown';
import { formatOptimizer, formatRegularizer, formatUnits, type TableRow } from './rows';

/** What one configuration measured. */
export interface RowResult {
  /** The configuration. */
  row: TableRow;
  /** Training accuracy of the last epoch, as `fit`'s history records it (0–1). */
  trainAccuracy: number;
  /** Accuracy on the test split (0–1). */
  testAccuracy: number;
  /** Wall-clock seconds of training. */
  seconds: number;
}

/** How the results were obtained, printed above the table. */
export interface RunSettings {
  epochs: number;
  batchSize: number;
  trainSamples: number;
  backend: string;
  /** Describes the architecture built from the "Layers" column. */
  architecture: string;
}

const percent = (x: number): string => (100 * x).toFixed(2);

/** The results beside the book's numbers, as a Markdown document with the run settings above the table. */
export function resultsMarkdown(results: readonly RowResult[], settings: RunSettings): string {
  const header = ['#', 'Layers', 'Regularizer', 'Optimizer', 'ReLU', 'Train acc % (ours)', 'Train acc % (book)', 'Test acc % (ours)', 'Test acc % (book)', 'Seconds'];
  const rows = results.map(({ row, trainAccuracy, testAccuracy, seconds }) => [
    String(row.row),
    formatUnits(row),
    formatRegularizer(row.regularizer),
    formatOptimizer(row.optimizer),
    row.relu ? 'yes' : 'no',
    percent(trainAccuracy),
    row.seedTrain.toFixed(2),
    percent(testAccuracy),
    row.seedTest.toFixed(1),
    seconds.toFixed(0),
  ]);
  const intro =
    `# Table 1.3.3, reproduced\n\n` +
    `MNIST, ${settings.epochs} epoch(s) of batch ${settings.batchSize} on ${settings.trainSamples} training images, ` +
    `backend ${settings.backend}. ${settings.architecture}\n\n`;
  return intro + markdownTable(header, rows, ['r', 'l', 'l', 'l', 'l', 'r', 'r', 'r', 'r', 'r']);
}
