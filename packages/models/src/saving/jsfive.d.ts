// Types for the parts of the untyped `jsfive` package that the HDF5 reader uses.
declare module 'jsfive' {
  interface DataObjects {
    readonly offset: number;
  }
  export class Group {
    readonly keys: string[];
    readonly attrs: Record<string, unknown>;
    readonly _dataobjects: DataObjects;
    get(path: string): Group | Dataset;
  }
  export class Dataset {
    readonly shape: number[] | null;
    readonly dtype: unknown;
    readonly value: unknown;
    readonly attrs: Record<string, unknown>;
    readonly _dataobjects: DataObjects;
  }
  export class File extends Group {
    constructor(buffer: ArrayBuffer, filename?: string);
  }
}
