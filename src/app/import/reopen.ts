import { fingerprint } from './fingerprint.ts';
import type { LocalImport } from './localFile.svelte.ts';
import type { RememberedExport } from './remembered.svelte.ts';

/*
 * A reload, or a shared link, whose address marks a local file (`?local=…`):
 * the file's bytes were in the page's memory only, so they are gone. The
 * file is shown again only when this browser remembers that very file;
 * otherwise the page asks for it, and never shows another export's numbers
 * under the same address.
 */

/** Reopens the remembered file when its bytes are the ones `marker` marks; the id of the file shown, or null. */
export async function reopenMarked(marker: string, remembered: RememberedExport, local: LocalImport): Promise<number | null> {
  if (remembered.unavailable) return null;
  try {
    const saved = await remembered.load();
    // A file opened meanwhile is the person's choice: it stays.
    if (!saved || fingerprint(saved.bytes) !== marker || local.file) return null;
    return local.show(saved).id;
  } catch {
    return null;
  }
}
