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
 * Once the person has seen the page's last change: after the second frame
 * from now (the first draws the change; the second starts once it is on
 * the screen), in idle time. Work here never holds up the frame of the
 * change, even where frames come back to back (no display to wait for).
 */
export function whenShown(fn: () => void): () => void {
  let cancel = () => {};
  let frame = window.requestAnimationFrame(() => {
    frame = window.requestAnimationFrame(() => {
      frame = 0;
      cancel = whenIdle(fn);
    });
  });
  return () => {
    if (frame) window.cancelAnimationFrame(frame);
    cancel();
  };
}

/**
 * A value that follows `get` once the page has shown the frame of its
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
    return whenShown(() => {
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
