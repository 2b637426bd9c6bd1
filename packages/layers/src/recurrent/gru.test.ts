import { GRU, GRUCell } from '../index';
import { expectConfigRoundTrip, expectLayerGradients, sample, useTestBackend } from '../../test/harness';
import { recurrentLayerChecks } from '../../test/recurrent-suite';

beforeAll(useTestBackend);

describe('GRU', () => {
  recurrentLayerChecks(GRU, GRUCell, 3);

  it('with resetAfter false: bias [3·units], gradient check and config round trip', () => {
    const x = sample([2, 3, 2], 6);
    const layer = new GRU(3, { resetAfter: false, biasInitializer: 'random_normal', returnSequences: true });
    expectLayerGradients(layer, x);
    expect(layer.cell.bias?.shape).toEqual([9]);
    expectConfigRoundTrip(layer, x).dispose();
    x.dispose();
    layer.dispose();
  });
});
