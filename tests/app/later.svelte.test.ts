// @vitest-environment jsdom
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lagging } from '../../src/app/state/later.svelte.ts';

afterEach(() => vi.useRealTimers());

/** `lagging(get)` made as a component would make it, with fake timers for the idle moment; `stop` ends it. */
function laggingOf<T>(get: () => T) {
  vi.useFakeTimers();
  let later!: { current: T; pending: boolean };
  const stop = $effect.root(() => {
    later = lagging(get);
  });
  flushSync();
  return { later, stop };
}

/** The idle moment comes. */
function idle() {
  vi.advanceTimersByTime(250);
  flushSync();
}

describe('a lagging value', () => {
  it('keeps its last value until the page has drawn, then follows; of quick changes only the last lands', () => {
    const source = $state({ n: 1 });
    const { later, stop } = laggingOf(() => source.n);
    expect(later.current).toBe(1);
    expect(later.pending).toBe(false);
    source.n = 2;
    flushSync();
    expect(later.current).toBe(1);
    expect(later.pending).toBe(true);
    source.n = 3;
    flushSync();
    idle();
    expect(later.current).toBe(3);
    expect(later.pending).toBe(false);
    stop();
  });

  it('follows only once the frame of the change is on the screen: after its second frame, never between the two', () => {
    const source = $state({ n: 1 });
    const { later, stop } = laggingOf(() => source.n);
    source.n = 2;
    flushSync();
    const frames: number[] = [];
    const count = () => requestAnimationFrame(() => (frames.push(later.current), frames.length < 3 && count()));
    count();
    idle();
    // The frame of the change, and the one after it that starts once it is shown, still show the last value.
    expect(frames).toEqual([1, 1, 2]);
    expect(later.current).toBe(2);
    stop();
  });

  it('is no longer behind when the value goes back to the one it shows before the page has drawn', () => {
    const source = $state({ n: 1 });
    const { later, stop } = laggingOf(() => source.n);
    source.n = 2;
    flushSync();
    expect(later.pending).toBe(true);
    source.n = 1;
    flushSync();
    expect(later.pending).toBe(false);
    idle();
    expect(later.current).toBe(1);
    expect(later.pending).toBe(false);
    stop();
  });

  it('follows an object of several values only when one of them changes, not behind at first', () => {
    const source = $state({ a: 1, b: 'x' });
    const { later, stop } = laggingOf(() => ({ a: source.a, b: source.b }));
    expect(later.pending).toBe(false);
    const first = later.current;
    idle();
    expect(later.current).toBe(first);
    source.b = 'y';
    flushSync();
    expect(later.pending).toBe(true);
    expect(later.current).toEqual({ a: 1, b: 'x' });
    idle();
    expect(later.current).toEqual({ a: 1, b: 'y' });
    expect(later.pending).toBe(false);
    stop();
  });
});
