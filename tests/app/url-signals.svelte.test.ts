// @vitest-environment jsdom
import { flushSync } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { UrlState } from '../../src/app/state/url.svelte.ts';
import { app } from '../../src/app/state/params.ts';
import { levelling } from '../../src/app/pages/levelling/params.ts';

/** An address a test can write to, as the browser's. */
function place(search = '') {
  const at = { location: new URL(`https://sagsflow.test/${search}`), history: { state: null, replaceState: (_s: unknown, _t: string, url: URL) => (at.location = new URL(url)) } };
  return at;
}

/** How often a derived reading only `read` re-ran while `write` ran. */
function reruns(url: UrlState, read: () => unknown, write: () => void): number {
  let runs = 0;
  const stop = $effect.root(() => {
    const value = $derived.by(() => {
      runs++;
      return read();
    });
    $effect(() => void value);
  });
  flushSync();
  const before = runs;
  write();
  flushSync();
  stop();
  return runs - before;
}

describe('the address as signals', () => {
  it('re-runs a reader of the catch-up only when the catch-up changes, not on each move of the lead', () => {
    const url = new UrlState(place('?catchup=8') as never);
    const moves = () => {
      for (const lead of [1, 2, 3, 5]) url.set(levelling.lead, lead);
    };
    expect(reruns(url, () => url.get(app.catchUp), moves)).toBe(0);
    expect(reruns(url, () => url.get(app.catchUp), () => url.set(app.catchUp, 12))).toBe(1);
  });

  it('re-runs a reader whose parameter first appears in the address, and reads its value', () => {
    const url = new UrlState(place() as never);
    let seen: number | undefined;
    expect(reruns(url, () => (seen = url.get(levelling.lead)), () => url.set(levelling.lead, 7))).toBe(1);
    expect(seen).toBe(7);
    // Once read, it follows its own parameter only.
    expect(reruns(url, () => url.get(levelling.lead), () => url.set(app.catchUp, 3))).toBe(0);
  });

  it('keeps links current with every parameter', () => {
    const url = new UrlState(place() as never);
    let link = '';
    expect(reruns(url, () => (link = url.link(app.view, 'flow')), () => url.set(levelling.lead, 2))).toBe(1);
    expect(link).toContain('lead=2');
  });

  it('writes the address once the change is on the screen: after its second frame, once for moves in one frame, at once when the page is left', () => {
    vi.useFakeTimers();
    try {
      const at = place();
      const writes: string[] = [];
      const left: (() => void)[] = [];
      const browser = {
        ...at,
        history: { state: null, replaceState: (_s: unknown, _t: string, url: URL) => (writes.push(url.search), (at.location = new URL(url))) },
        requestAnimationFrame: (f: FrameRequestCallback) => setTimeout(() => f(performance.now()), 16),
        cancelAnimationFrame: (handle: ReturnType<typeof setTimeout>) => clearTimeout(handle),
        requestIdleCallback: (f: () => void) => setTimeout(f, 0),
        cancelIdleCallback: (handle: ReturnType<typeof setTimeout>) => clearTimeout(handle),
        setTimeout: (f: () => void, ms?: number) => setTimeout(f, ms),
        clearTimeout: (handle: ReturnType<typeof setTimeout>) => clearTimeout(handle),
        addEventListener: (type: string, f: () => void) => type === 'pagehide' && left.push(f),
      };
      const url = new UrlState(browser as never);
      for (const lead of [1, 2, 3]) url.set(levelling.lead, lead);
      expect(url.get(levelling.lead)).toBe(3); // the page reads the new state at once
      vi.advanceTimersByTime(20);
      expect(writes).toEqual([]); // the first frame draws the change
      vi.advanceTimersByTime(20);
      expect(writes).toEqual(['?lead=3']);
      vi.advanceTimersByTime(500);
      expect(writes).toEqual(['?lead=3']);
      url.set(app.catchUp, 5);
      left.forEach((f) => f());
      expect(at.location.search).toBe('?lead=3&catchup=5');
      vi.advanceTimersByTime(500);
      expect(writes).toHaveLength(2);
      // Where frames do not come (a hidden tab), a quarter of a second.
      const hidden = new UrlState({ ...browser, requestAnimationFrame: () => 0 } as never);
      hidden.set(levelling.lead, 9);
      vi.advanceTimersByTime(240);
      expect(at.location.search).not.toContain('lead=9');
      vi.advanceTimersByTime(20);
      expect(at.location.search).toContain('lead=9');
    } finally {
      vi.useRealTimers();
    }
  });
});
