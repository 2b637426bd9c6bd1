import { defineOptions, type NoOptions } from '@strata-ml/core';
import { Callback, type Logs } from './callback';
import { report } from './monitor';

const TERMINATE_ON_NAN_OPTIONS = defineOptions<NoOptions>('TerminateOnNaN', {});

/** Stops training as soon as a batch reports a NaN or infinite loss (Keras's `TerminateOnNaN`). */
export class TerminateOnNaN extends Callback {
  constructor(args: NoOptions = {}) {
    super();
    TERMINATE_ON_NAN_OPTIONS.check(args);
  }

  override onTrainBatchEnd(batch: number, logs: Logs = {}): void {
    const loss = logs['loss'];
    if (loss !== undefined && !Number.isFinite(loss) && this.model) {
      report(`Batch ${batch}: Invalid loss, terminating training`);
      this.model.stopTraining = true;
    }
  }
}
