import { viewModules, viewsModule } from '../../src/app/pages/viewModules.ts';

/**
 * Loads every part of the page that is fetched when first shown, once, so
 * that no test ends with one still loading: Vitest fails a file whose
 * module loads after its environment is gone, and whether one does
 * depends on the machine's speed.
 */
export async function loadLazyParts(): Promise<void> {
  await Promise.all([viewsModule(), ...Object.values(viewModules).map((load) => load()), import('../../src/app/import/LocalArea.svelte')]);
}
