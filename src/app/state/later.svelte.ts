import { untrack } from 'svelte';

/** What schedules the work: the window, or a stand-in for it. */
export type Clock = Pick<Window, 'requestAnimationFrame' | 'cancelAnimationFrame' | 'setTimeout' | 'clearTimeout'> & Partial<Pick<Window, 'requestIdleCallback' | 'cancelIdleCallback'>>;

/** When the page has drawn its frame: idle time, or at the latest after `timeout` ms (an idle callback may never come in a page that draws nothing). */
export function whenIdle(fn: () => void, timeout = 200, clock: Clock = window): () => void {
  if (typeof clock.requestIdleCallback === 'function') {
    const handle = clock.requestIdleCallback(fn, { timeout });
    return () => clock.cancelIdleCallback?.(handle);
  }
  const handle = clock.setTimeout(fn, 16);
  return () => clock.clearTimeout(handle);
}

/**
 * Once the person has seen the page's last change: after the second frame
 * from now (the first draws the change; the second starts once it is on
 * the screen), in idle time. Work here never holds up the frame of the
 * change, even where frames come back to back (no display to wait for).
 * With `latest`, it runs at the latest that many ms from now: frames do
 * not come in a hidden tab. It runs once; the function returned cancels it.
 */
export function whenShown(fn: () => void, { latest, clock = window }: { latest?: number; clock?: Clock } = {}): () => void {
  let done = false;
  let idle = () => {};
  const cancel = () => {
    done = true;
    if (frame) clock.cancelAnimationFrame(frame);
    idle();
    if (timer !== undefined) clock.clearTimeout(timer);
  };
  const once = () => {
    if (done) return;
    cancel();
    fn();
  };
  let frame = clock.requestAnimationFrame(() => {
    frame = clock.requestAnimationFrame(() => {
      frame = 0;
      idle = whenIdle(once, 200, clock);
    });
  });
  const timer = latest === undefined ? undefined : clock.setTimeout(once, latest);
  return cancel;
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
