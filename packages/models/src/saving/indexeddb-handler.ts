/**
 * Saves models in the browser's IndexedDB: one record per key in an object store. An IndexedDB
 * transaction commits entirely or not at all, so a tab closed mid-save keeps the previous model.
 */
import { RuntimeError, ValueError, invalidArgument, defineOptions } from '@strata-ml/core';
import type { IOHandler } from './io-handlers';

/** Arguments of {@link IndexedDBHandler}. */
export interface IndexedDBHandlerArgs {
  /** The name the model is stored under (`'my-model'`). */
  key: string;
  /** The database (default `'strata-models'`). */
  databaseName?: string;
  /** The object store inside it (default `'models'`). */
  storeName?: string;
  /** The IndexedDB implementation (default the global `indexedDB`). */
  factory?: IDBFactory;
}

const INDEXED_DB_HANDLER_OPTIONS = defineOptions<IndexedDBHandlerArgs>('IndexedDBHandler', {
  key: true,
  databaseName: true,
  storeName: true,
  factory: true,
});

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(new RuntimeError(`IndexedDBHandler: ${req.error?.message ?? 'request failed'}`));
  });
}

/** Stores the bytes of a saved model in IndexedDB under `key`. */
export class IndexedDBHandler implements IOHandler {
  readonly key: string;
  readonly databaseName: string;
  readonly storeName: string;
  private readonly factory: IDBFactory;

  constructor(args: IndexedDBHandlerArgs) {
    if (args != null) INDEXED_DB_HANDLER_OPTIONS.check(args);
    if (args == null || typeof args.key !== 'string' || args.key.length === 0) throw invalidArgument('IndexedDBHandler', 'key', 'a non-empty string', args?.key);
    const factory = args.factory ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    if (factory === undefined) throw new RuntimeError('IndexedDBHandler: IndexedDB is not available here; pass `factory` or use a FileHandler in Node');
    this.key = args.key;
    this.databaseName = args.databaseName ?? 'strata-models';
    this.storeName = args.storeName ?? 'models';
    this.factory = factory;
  }

  private async open(): Promise<IDBDatabase> {
    const req = this.factory.open(this.databaseName, 1);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(this.storeName)) req.result.createObjectStore(this.storeName);
    };
    return request(req);
  }

  private async run<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const db = await this.open();
    try {
      const tx = db.transaction(this.storeName, mode);
      const done = new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onabort = tx.onerror = () => reject(new RuntimeError(`IndexedDBHandler: transaction failed (${tx.error?.message ?? 'aborted'})`));
      });
      const result = await request(action(tx.objectStore(this.storeName)));
      await done;
      return result;
    } finally {
      db.close();
    }
  }

  async save(bytes: Uint8Array): Promise<void> {
    const copy = bytes.slice().buffer;
    await this.run('readwrite', (store) => store.put(copy, this.key));
  }

  async load(): Promise<Uint8Array> {
    const value: unknown = await this.run('readonly', (store) => store.get(this.key));
    if (!(value instanceof ArrayBuffer)) {
      throw new ValueError(`IndexedDBHandler.load: no model is stored under key ${JSON.stringify(this.key)} in ${this.databaseName}/${this.storeName}`);
    }
    return new Uint8Array(value);
  }
}
