import type { LocalFile } from './localFile.svelte.ts';

/*
 * The one export a person chose to keep in this browser (opt-in), in
 * IndexedDB, until they press "Forget". Nothing is stored without that
 * choice; the bytes never leave the machine either way.
 */

export type RememberedFile = Pick<LocalFile, 'name' | 'bytes' | 'format'>;

const DB = 'sagsflow';
const STORE = 'remembered';
const KEY = 'export';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = work(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

/** What is remembered (its name), kept in step with IndexedDB. */
export class RememberedExport {
  name = $state<string | null>(null);
  /** IndexedDB is unavailable (private browsing, policy): the option is hidden. */
  unavailable = $state(typeof indexedDB === 'undefined');

  constructor() {
    if (!this.unavailable) void this.load().then((file) => (this.name = file?.name ?? null), () => (this.unavailable = true));
  }

  load(): Promise<RememberedFile | undefined> {
    return run<RememberedFile | undefined>('readonly', (store) => store.get(KEY));
  }

  async remember({ name, bytes, format }: RememberedFile): Promise<void> {
    await run('readwrite', (store) => store.put({ name, bytes, format }, KEY));
    this.name = name;
  }

  async forget(): Promise<void> {
    await run('readwrite', (store) => store.delete(KEY));
    this.name = null;
  }
}
