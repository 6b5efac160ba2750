// @vitest-environment jsdom
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lagging } from '../../src/app/state/later.svelte.ts';

afterEach(() => vi.useRealTimers());

describe('a lagging value', () => {
  it('keeps its last value until the page has drawn, then follows; of quick changes only the last lands', () => {
    vi.useFakeTimers();
    const source = $state({ n: 1 });
    let later!: { current: number; pending: boolean };
    const stop = $effect.root(() => {
      later = lagging(() => source.n);
    });
    flushSync();
    expect(later.current).toBe(1);
    expect(later.pending).toBe(false);
    source.n = 2;
    flushSync();
    expect(later.current).toBe(1);
    expect(later.pending).toBe(true);
    source.n = 3;
    flushSync();
    vi.advanceTimersByTime(250);
    flushSync();
    expect(later.current).toBe(3);
    expect(later.pending).toBe(false);
    stop();
  });

  it('is no longer behind when the value goes back to the one it shows before the page has drawn', () => {
    vi.useFakeTimers();
    const source = $state({ n: 1 });
    let later!: { current: number; pending: boolean };
    const stop = $effect.root(() => {
      later = lagging(() => source.n);
    });
    flushSync();
    source.n = 2;
    flushSync();
    expect(later.pending).toBe(true);
    source.n = 1;
    flushSync();
    expect(later.pending).toBe(false);
    vi.advanceTimersByTime(250);
    flushSync();
    expect(later.current).toBe(1);
    expect(later.pending).toBe(false);
    stop();
  });
});
