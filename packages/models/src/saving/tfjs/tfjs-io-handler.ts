/**
 * Where TF.js-format models are stored. A handler moves whole artifacts, the same shape TF.js's `tf.io`
 * handlers move, so a TF.js handler (`tf.io.browserFiles`, `tf.io.withSaveHandler`) works with Strata and
 * Strata's handlers work with `tf.loadLayersModel`.
 */
import type { TfjsArtifacts } from './artifacts';

/** Saves and loads the artifacts of a TF.js-format model. */
export interface TfjsIOHandler {
  /** Marks Strata's TF.js handlers; any object with `save`/`load` of artifacts works where a handler is asked for. */
  readonly format?: 'tfjs';
  /** Stores the artifacts, replacing what was stored before. */
  save(artifacts: TfjsArtifacts): Promise<unknown>;
  /** Returns the stored artifacts. */
  load(): Promise<TfjsArtifacts>;
}

/** Keeps TF.js artifacts in memory (`handler.artifacts`), to hand them to TF.js or to another store. */
export class TfjsMemoryHandler implements TfjsIOHandler {
  readonly format = 'tfjs' as const;
  constructor(public artifacts: TfjsArtifacts | null = null) {}
  async save(artifacts: TfjsArtifacts): Promise<{ modelArtifactsInfo: { dateSaved: Date; modelTopologyType: 'JSON' } }> {
    this.artifacts = artifacts;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }
  async load(): Promise<TfjsArtifacts> {
    if (this.artifacts === null) throw new Error('TfjsMemoryHandler.load: nothing has been saved to this handler');
    return this.artifacts;
  }
}
