import { SimpleRNN, SimpleRNNCell } from '../index';
import { useTestBackend } from '../../test/harness';
import { recurrentLayerChecks } from '../../test/recurrent-suite';

beforeAll(useTestBackend);

describe('SimpleRNN', () => {
  recurrentLayerChecks(SimpleRNN, SimpleRNNCell, 1);
});
