import { FIELDS, type Field } from '../../domain/import/columns.ts';
import type { DateOrder } from '../../domain/import/dates.ts';
import { headerKey } from '../../domain/import/sniff.ts';
import { fileFormat, WARN_BYTES } from '../../domain/import/sniff.ts';
import { maskCpr } from '../../domain/import/cpr.ts';
import { sizeRefusal } from '../../domain/import/size.ts';
import type { Refusal } from '../../domain/reasons.ts';
import { fingerprint } from './fingerprint.ts';

/*
 * The file a person opened on their own computer. Its bytes stay in this
 * page's memory and go only to the analysis worker; nothing is uploaded.
 */

export interface LocalFile {
  /** Distinguishes two openings of files with the same name. */
  id: number;
  /** The file's name as shown, a CPR number in it masked (`udtraek ••••••-••••.csv`). */
  name: string;
  bytes: Uint8Array;
  format: 'text' | 'xlsx';
  /** The file's mark in the address, of its bytes only (fingerprint.ts). */
  fingerprint: string;
}

/** The answers to the import's questions; each new answer starts a new analysis. */
export interface ImportChoices {
  /** The column chosen per field, by its index in the header (a masked name could be any of several). */
  columns?: Partial<Record<Field, number>>;
  dateOrder?: DateOrder;
  sheet?: string;
}

/** A file waiting for the person to confirm that a large file should be read. */
export interface PendingFile {
  file: File;
  /** Masked, as `LocalFile.name`. */
  name: string;
  sizeMb: number;
}

/** A file refused before any byte of it was read. */
export interface RefusedFile {
  /** Masked, as `LocalFile.name`. */
  name: string;
  refusal: Refusal;
}

let counter = 0;

export class LocalImport {
  file = $state.raw<LocalFile | null>(null);
  choices = $state.raw<ImportChoices>({});
  pending = $state.raw<PendingFile | null>(null);
  readError = $state<string | null>(null);
  refused = $state.raw<RefusedFile | null>(null);
  readonly #onchange: (file: LocalFile | null) => void;

  /** `onchange` hears of every file shown and of closing (the page marks the address with it). */
  constructor(onchange: (file: LocalFile | null) => void = () => {}) {
    this.#onchange = onchange;
  }

  /** Opens a file; a large one waits for `confirm()`, one over the limit is refused from its size, unread. */
  async open(file: File, force = false): Promise<void> {
    this.readError = null;
    this.refused = null;
    const refusal = sizeRefusal(file.size);
    if (refusal) {
      this.pending = null;
      this.refused = { name: maskCpr(file.name), refusal };
      return;
    }
    if (file.size > WARN_BYTES && !force) {
      this.pending = { file, name: maskCpr(file.name), sizeMb: Math.round(file.size / (1024 * 1024)) };
      return;
    }
    this.pending = null;
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      this.readError = maskCpr(file.name);
      return;
    }
    this.show({ id: ++counter, name: file.name, bytes, format: fileFormat(bytes, file.name) });
  }

  /** Shows bytes already in memory (a remembered file), and gives the file shown. */
  show(file: Omit<LocalFile, 'id' | 'fingerprint'> & { id?: number }): LocalFile {
    const shown = { ...file, name: maskCpr(file.name), id: file.id ?? ++counter, fingerprint: fingerprint(file.bytes) };
    this.choices = {};
    this.file = shown;
    this.#onchange(shown);
    return shown;
  }

  confirm(): Promise<void> {
    return this.pending ? this.open(this.pending.file, true) : Promise.resolve();
  }

  choose(choice: ImportChoices): void {
    this.choices = { ...this.choices, ...choice };
  }

  close(): void {
    this.file = null;
    this.pending = null;
    this.readError = null;
    this.refused = null;
    this.choices = {};
    this.#onchange(null);
  }
}

const MAPPING_PREFIX = 'sagsflow.mapping.';

/**
 * A column mapping remembered for a header (keyed by a hash of the header
 * names; no case data), as column indices that fit this header. A mapping
 * remembered by names, as before, is read by the names it gives.
 */
export function rememberedMapping(header: readonly string[], storage: Storage | undefined = globalThis.localStorage): ImportChoices['columns'] | null {
  try {
    const raw = storage?.getItem(MAPPING_PREFIX + headerKey(header));
    if (!raw) return null;
    const kept: NonNullable<ImportChoices['columns']> = {};
    for (const [field, choice] of Object.entries(JSON.parse(raw) as Record<string, unknown>)) {
      const i = typeof choice === 'string' ? header.indexOf(choice) : choice;
      if ((FIELDS as readonly string[]).includes(field) && Number.isInteger(i) && (i as number) >= 0 && (i as number) < header.length) kept[field as Field] = i as number;
    }
    return Object.keys(kept).length > 0 ? kept : null;
  } catch {
    return null;
  }
}

export function rememberMapping(header: readonly string[], columns: NonNullable<ImportChoices['columns']>, storage: Storage | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(MAPPING_PREFIX + headerKey(header), JSON.stringify(columns));
  } catch {
    // Storage full or off: the mapping is simply not remembered.
  }
}
