import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/app/i18n/index.ts';
import { locale } from '../../src/app/state/locale.svelte.ts';

/** What a message's `{name}`s mean, written the plain way: each replaced by its value, an unknown one left as written. */
const plain = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

describe('a message with values', () => {
  it('fills each {name}, the same name twice, and leaves an unknown one and a lone brace as written', () => {
    locale.lang = 'en';
    const m = translator({ en: { k: '{a} and {b}, {a} again: {unknown} {' }, da: { k: '' } });
    expect(m('k', { a: 1, b: 'x' })).toBe('1 and x, 1 again: {unknown} {');
    expect(m('k', { a: 2, b: 'y' })).toBe('2 and y, 2 again: {unknown} {');
  });

  it('reads as the plain replacement for any message and values', () => {
    locale.lang = 'en';
    const text = fc.stringMatching(/^[a-z{}, ]{0,12}$/);
    const name = fc.constantFrom('a', 'b', 'n', 'row');
    fc.assert(
      fc.property(fc.array(fc.oneof(text, name.map((n) => `{${n}}`)), { maxLength: 8 }), fc.dictionary(name, fc.oneof(fc.integer(), fc.string({ maxLength: 4 }))), (pieces, values) => {
        const template = pieces.join('');
        const m = translator({ en: { k: template }, da: { k: template } });
        expect(m('k', values)).toBe(plain(template, values));
      }),
    );
  });
});
