import { untrack } from 'svelte';

/** When the page has drawn its frame: idle time, or at the latest after `timeout` ms (an idle callback may never come in a page that draws nothing). */
export function whenIdle(fn: () => void, timeout = 200): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(fn, { timeout });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(fn, 16);
  return () => window.clearTimeout(handle);
}

/**
 * A value that follows `get` once the page has drawn the frame of its
 * change: what is below the fold (a long list) keeps its last state for a
 * moment while the charts of a control's change are drawn first. Call it
 * while a component initialises; `pending` says it lags behind. `get` is
 * worked out as a derived value: one that builds an object of several
 * values gives a new one only when one of them changes.
 * @example const later = lagging(() => ({ sim, costs })); // later.current is { sim, costs }, a frame late
 */
export function lagging<T>(get: () => T): { readonly current: T; readonly pending: boolean } {
  const source = $derived.by(get);
  let current = $state.raw(untrack(() => source));
  let pending = $state(false);
  $effect(() => {
    const next = source;
    if (next === untrack(() => current)) {
      pending = false; // back to the value drawn before the idle moment came
      return;
    }
    pending = true;
    return whenIdle(() => {
      current = next;
      pending = false;
    });
  });
  return {
    get current() {
      return current;
    },
    get pending() {
      return pending;
    },
  };
}
