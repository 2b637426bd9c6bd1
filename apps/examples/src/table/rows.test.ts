import { TABLE_1_3_3, formatRegularizer } from './rows';

describe('TABLE_1_3_3', () => {
  it('holds the 18 rows in order, with the book best test accuracy in row 16', () => {
    expect(TABLE_1_3_3.map((r) => r.row)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    const best = Math.max(...TABLE_1_3_3.map((r) => r.seedTest));
    expect(TABLE_1_3_3.filter((r) => r.seedTest === best).map((r) => r.row)).toEqual([16]);
    expect(TABLE_1_3_3.filter((r) => !r.relu).map((r) => r.row)).toEqual([1]);
    expect(TABLE_1_3_3.map((r) => formatRegularizer(r.regularizer)).slice(0, 5)).toEqual(['none', 'L2(0.001)', 'L2(0.01)', 'none', 'Dropout(0.4)']);
  });
});
