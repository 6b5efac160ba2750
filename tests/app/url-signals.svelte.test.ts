// @vitest-environment jsdom
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
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
});
