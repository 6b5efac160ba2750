/**
 * The address once it has followed the page: the page writes it after the
 * change's second frame, and at the latest 250 ms after the change.
 * @example expect((await written()).get('lead')).toBe('8')
 */
export async function written(): Promise<URLSearchParams> {
  await new Promise((done) => setTimeout(done, 300));
  return new URLSearchParams(window.location.search);
}

/** A parameter's text in the address, once written. */
export const inLink = async (key: string): Promise<string | null> => (await written()).get(key);
