/** Command-line arguments of the kernel profile. */
import { MODEL_NAMES, type ModelName } from './strata-models';

/** The settled options of one profile. */
export interface ProfileArgs {
  readonly model: ModelName;
  /** Profiled steps (after one untimed pass over the same steps). */
  readonly steps: number;
  /** `fit` times `model.fit`; `step` the bare step (gradients and optimizer update) it wraps. */
  readonly mode: 'fit' | 'step';
  /** Tell matrix products apart by operand shapes and transposes. */
  readonly shapes: boolean;
}

const USAGE = 'usage: kernel-profile [--model mlp|cnn|rnn] [--steps N] [--mode fit|step] [--shapes]';

/** Parses `argv` (without node and the script); throws with the usage line on anything unknown. */
export function parseProfileArgs(argv: readonly string[]): ProfileArgs {
  let model: ModelName = 'mlp';
  let steps = 20;
  let mode: 'fit' | 'step' = 'fit';
  let shapes = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = argv[i + 1];
    if (arg === '--shapes') shapes = true;
    else if (arg === '--model' && (MODEL_NAMES as readonly string[]).includes(value ?? '')) {
      model = value as ModelName;
      i++;
    } else if (arg === '--steps' && Number.isInteger(Number(value)) && Number(value) > 0) {
      steps = Number(value);
      i++;
    } else if (arg === '--mode' && (value === 'fit' || value === 'step')) {
      mode = value;
      i++;
    } else {
      throw new Error(`kernel-profile: bad argument '${arg}${value !== undefined && arg.startsWith('--') && arg !== '--shapes' ? ` ${value}` : ''}'\n${USAGE}`);
    }
  }
  return { model, steps, mode, shapes };
}
