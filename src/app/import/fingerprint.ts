/**
 * A short mark of a file's bytes for the address (`?local=…`): enough to
 * tell on a reload whether the file remembered in this browser is the one
 * the link was made with, and nothing of what the file holds (32 bits of
 * FNV-1a cannot give back a name, a case or a CPR number).
 * @example fingerprint(new TextEncoder().encode('a')) // 'e40c292c'
 */
export function fingerprint(bytes: Uint8Array): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}
