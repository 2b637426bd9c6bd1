import { Adam } from './adam';
import type { AdamArgs } from './adam';

/** Arguments of {@link AdamW}. */
export type AdamWArgs = AdamArgs;

/**
 * Adam with decoupled weight decay (Loshchilov & Hutter, https://arxiv.org/abs/1711.05101): {@link Adam}
 * whose `weightDecay` defaults to 0.004, as Keras's `AdamW` (name `'adamw'`).
 */
export class AdamW extends Adam {
  override readonly className = 'AdamW';

  constructor(args: AdamWArgs = {}) {
    super({ ...args, name: args.name ?? 'adamw', weightDecay: args.weightDecay ?? 0.004 });
  }
}
