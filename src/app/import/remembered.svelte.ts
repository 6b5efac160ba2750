import { isPlain, isSealed, openExport, openName, sealExport, type RememberedFile, type SealedExport } from './sealed.ts';

/*
 * The one export a person chose to keep in this browser (opt-in), in
 * IndexedDB, until they press "Forget". Nothing is stored without that
 * choice; the bytes never leave the machine either way. What is stored is
 * sealed (sealed.ts): "Forget" deletes the record with its key, so what
 * the browser's database files may still hold of it cannot be read.
 */

export type { RememberedFile };

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
  /**
   * IndexedDB is unavailable (private browsing, policy), or Web Crypto is (a
   * page served over plain http from another host than this computer): the
   * option is hidden, since nothing is ever stored in the clear.
   */
  unavailable = $state(typeof indexedDB === 'undefined' || globalThis.crypto?.subtle === undefined);

  constructor() {
    if (!this.unavailable) void this.#loadName().then((name) => (this.name = name), () => (this.unavailable = true));
  }

  async load(): Promise<RememberedFile | undefined> {
    const sealed = await this.#read();
    return sealed && openExport(sealed);
  }

  /**
   * Counts Forgets: sealing 160 MB takes a while, and a record sealed before
   * a Forget must not be written after it (the person said forget last).
   */
  #forgets = 0;

  async remember({ name, bytes, format }: RememberedFile): Promise<void> {
    const asked = this.#forgets;
    const sealed = await sealExport({ name, bytes, format });
    if (await this.#putUnlessForgotten(sealed, asked)) this.name = name;
  }

  /** Writes the record unless a Forget came since `asked`, checked as its transaction starts: after one, nothing is written. */
  async #putUnlessForgotten(sealed: SealedExport, asked: number): Promise<boolean> {
    if (asked !== this.#forgets) return false;
    // Forgotten meanwhile: delete once more, which leaves the store as Forget left it.
    const write = (store: IDBObjectStore) => (asked === this.#forgets ? store.put(sealed, KEY) : store.delete(KEY)) as IDBRequest<unknown>;
    await run<unknown>('readwrite', write);
    return asked === this.#forgets;
  }

  async #loadName(): Promise<string | null> {
    const sealed = await this.#read();
    return sealed ? openName(sealed) : null;
  }

  /** The sealed record; one left in the clear by a version before sealing is sealed in its place first. */
  async #read(): Promise<SealedExport | undefined> {
    const record = await run<unknown>('readonly', (store) => store.get(KEY));
    if (isSealed(record)) return record;
    if (!isPlain(record)) return undefined;
    const asked = this.#forgets;
    const sealed = await sealExport(record);
    return (await this.#putUnlessForgotten(sealed, asked)) ? sealed : undefined;
  }

  async forget(): Promise<void> {
    this.#forgets++;
    await run('readwrite', (store) => store.delete(KEY));
    this.name = null;
  }
}
