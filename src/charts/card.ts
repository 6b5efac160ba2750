import { createContext } from 'svelte';

/**
 * Lines every chart card below adds to the pictures it saves: where its
 * figures come from (the as-of date, the file). Set once by the page that
 * knows them; a card without it saves its title, caption and legend only.
 */
export const [getCardSource, setCardSource, hasCardSource] = createContext<() => readonly string[]>();
