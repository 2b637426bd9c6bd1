/**
 * @strata-ml/datasets — data sets for Strata: MNIST (bundled, no download), an IDX file reader, and a cached,
 * checksummed downloader for other data.
 */
export * as mnist from './mnist';
export { readIdx } from './idx';
export type { IdxArray, IdxData, IdxDtype, ReadIdxOptions } from './idx';
export { getFile, defaultCacheDir, DownloadError } from './download';
export type { GetFileArgs } from './download';
export type { DownloadProgress } from './download-progress';
