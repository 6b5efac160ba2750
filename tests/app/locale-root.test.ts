// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { LocaleState } from '../../src/app/state/locale.svelte.ts';

const frame = () => new Promise((done) => requestAnimationFrame(done));

describe("the root element's language", () => {
  it('is set at once before the first frame, and after a switch once the new texts are on the screen', async () => {
    const locale = new LocaleState('da');
    expect(document.documentElement.lang).toBe('da');
    await frame();
    locale.lang = 'en';
    // The texts speak English at once; the root, whose change re-styles the whole page, follows their frame.
    expect(locale.lang).toBe('en');
    expect(document.documentElement.lang).toBe('da');
    await frame();
    await frame();
    await new Promise((done) => setTimeout(done, 250));
    expect(document.documentElement.lang).toBe('en');
  });

  it('ends at the last of quick switches', async () => {
    const locale = new LocaleState('en');
    await frame();
    locale.lang = 'da';
    locale.lang = 'en';
    locale.lang = 'da';
    await new Promise((done) => setTimeout(done, 300));
    expect(document.documentElement.lang).toBe('da');
    locale.lang = 'en';
    locale.lang = 'da';
    await new Promise((done) => setTimeout(done, 300));
    expect(document.documentElement.lang).toBe('da');
  });
});
