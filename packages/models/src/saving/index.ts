/**
 * Saving and loading models: the `.keras` format (Keras 3's, read and written), legacy Keras `.h5`
 * models, weights-only files, IO handlers, and the format building blocks (zip, HDF5, atomic writes).
 */
export { saveModel, loadModel, saveWeights, loadWeights } from './save-model';
export type { SaveTarget, LoadSource } from './save-model';
export { modelToBytes, modelFromBytes, STRATA_VERSION, KERAS_FORMAT_VERSION } from './model-archive';
export type { ModelToBytesArgs, ModelFromBytesArgs } from './model-archive';
export { weightsToBytes, weightsFromBytes } from './weights-file';
export { FileHandler, ArrayBufferHandler, toHandler } from './io-handlers';
export type { IOHandler } from './io-handlers';
export { IndexedDBHandler } from './indexeddb-handler';
export type { IndexedDBHandlerArgs } from './indexeddb-handler';
export { CorruptFileError, UnsupportedFeatureError } from './errors';
export { KERAS_LAYERS, KERAS_CLASS_ALIASES } from './keras-layers';
export type { KerasLayerSpec } from './keras-layers';
export { atomicWriteFile } from './atomic-write';
export { readZip, writeZip } from './zip';
export type { ReadZipArgs } from './zip';
export { readHdf5 } from './hdf5-reader';
export type { ReadHdf5Args } from './hdf5-reader';
export { writeHdf5 } from './hdf5-writer';
export type { H5Group, H5Dataset, H5DType, H5Data, H5Attr } from './hdf5-tree';
