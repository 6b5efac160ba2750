import { isFte, readFteFile, type FteEntry, type FteProblem } from '../../../domain/balance/index.ts';

/*
 * FTE per caseworker for this page: typed in, or read from a CSV file
 * (caseworker;fte;unit). Kept in this browser only when the user ticks
 * "remember", and then only the caseworkers, units and FTE: never a case.
 */

export const FTE_STORAGE_KEY = 'sagsflow.balance.fte';

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** What a store holds, if it is what this page wrote: anything else is ignored. */
function storedEntries(text: string | null): FteEntry[] | null {
  if (text === null) return null;
  try {
    const data: unknown = JSON.parse(text);
    if (!Array.isArray(data)) return null;
    return data.filter(
      (e): e is FteEntry =>
        typeof e === 'object' && e !== null && typeof e.caseworker === 'string' && (e.unit === null || typeof e.unit === 'string') && typeof e.fte === 'number' && isFte(e.fte),
    );
  } catch {
    return null;
  }
}

const keyOf = (e: Pick<FteEntry, 'caseworker' | 'unit'>) => `${e.unit ?? ''}\u0000${e.caseworker}`;

export class FteState {
  #entries = $state.raw<FteEntry[]>([]);
  #remember = $state(false);
  /** The last file's problems, with its name; empty when it was read. */
  problems = $state.raw<FteProblem[]>([]);
  file = $state<string | null>(null);
  readonly #store: Store | null;

  constructor(store: Store | null = typeof localStorage === 'undefined' ? null : localStorage) {
    this.#store = store;
    const stored = storedEntries(this.#read());
    if (stored) {
      this.#entries = stored;
      this.#remember = true;
    }
  }

  get entries(): readonly FteEntry[] {
    return this.#entries;
  }

  get remember(): boolean {
    return this.#remember;
  }

  /** Ticking keeps the FTE in this browser from now on; unticking forgets them. */
  set remember(on: boolean) {
    this.#remember = on;
    if (on) this.#save();
    else this.forget();
  }

  /** One caseworker's FTE in a unit; null puts them back to the default. */
  set(caseworker: string, unit: string, fte: number | null): void {
    const rest = this.#entries.filter((e) => keyOf(e) !== keyOf({ caseworker, unit }));
    this.#entries = fte === null ? rest : [...rest, { caseworker, unit, fte }];
    this.#save();
  }

  /** Reads an FTE file; its rows replace those of the same caseworker and unit. A file with problems changes nothing. */
  load(name: string, bytes: Uint8Array): boolean {
    const { entries, problems } = readFteFile(bytes);
    this.file = name;
    this.problems = problems;
    if (problems.length > 0) return false;
    const given = new Set(entries.map(keyOf));
    this.#entries = [...this.#entries.filter((e) => !given.has(keyOf(e))), ...entries];
    this.#save();
    return true;
  }

  /** Removes what this browser remembers; the FTE stay in the page until it is left. */
  forget(): void {
    this.#remember = false;
    try {
      this.#store?.removeItem(FTE_STORAGE_KEY);
    } catch {
      // A store that refuses (private mode) has nothing to forget.
    }
  }

  #read(): string | null {
    try {
      return this.#store?.getItem(FTE_STORAGE_KEY) ?? null;
    } catch {
      return null;
    }
  }

  #save(): void {
    if (!this.#remember) return;
    const entries = this.#entries.map(({ caseworker, unit, fte }) => ({ caseworker, unit, fte }));
    try {
      this.#store?.setItem(FTE_STORAGE_KEY, JSON.stringify(entries));
    } catch {
      // Full or refused: the FTE still work in this page.
    }
  }
}
