import { defineOptions } from '@strata-ml/core';
import { ADAM_OPTION_KEYS, Adam } from './adam';
import { OPTIMIZER_LEGACY_OPTIONS } from './optimizer';
import type { AdamArgs } from './adam';

/** Arguments of {@link AdamW}. */
export type AdamWArgs = AdamArgs;

const ADAMW_OPTIONS = defineOptions<AdamWArgs>('AdamW', { ...ADAM_OPTION_KEYS }, OPTIMIZER_LEGACY_OPTIONS);

/**
 * Adam with decoupled weight decay (Loshchilov & Hutter, https://arxiv.org/abs/1711.05101): {@link Adam}
 * whose `weightDecay` defaults to 0.004, as Keras's `AdamW` (name `'adamw'`).
 */
export class AdamW extends Adam {
  override readonly className = 'AdamW';

  constructor(args: AdamWArgs = {}) {
    ADAMW_OPTIONS.check(args);
    super({ ...args, name: args.name ?? 'adamw', weightDecay: args.weightDecay ?? 0.004 });
  }
}
