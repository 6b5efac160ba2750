import { describe, expect, it } from 'vitest';
import { readNumber, writeNumber } from '../../src/app/numbers.ts';
import { REGISTRY } from '../../src/app/registry.ts';
import type { NumberParam, Param } from '../../src/app/state/address.ts';

const value = (text: string, lang: 'da' | 'en', rule = {}) => {
  const read = readNumber(text, lang, rule);
  return read.ok ? read.value : read.refusal.code;
};

describe('readNumber', () => {
  it('reads a Danish decimal comma, a decimal point and Danish thousands', () => {
    expect(value('6,5', 'da')).toBe(6.5);
    expect(value('6.5', 'da')).toBe(6.5);
    expect(value('6,50', 'da')).toBe(6.5);
    expect(value('7,5', 'da')).toBe(7.5);
    expect(value('1.234,5', 'da')).toBe(1234.5);
    expect(value('1.234', 'da')).toBe(1234);
    expect(value('1.234.567', 'da')).toBe(1234567);
    expect(value(',5', 'da')).toBe(0.5);
    expect(value(' 40 ', 'da')).toBe(40);
    expect(value('1\u00a0234,5', 'da')).toBe(1234.5);
  });

  it('reads English thousands and decimals, and a decimal comma where it cannot be thousands', () => {
    expect(value('1,234.5', 'en')).toBe(1234.5);
    expect(value('1,234', 'en')).toBe(1234);
    expect(value('6.5', 'en')).toBe(6.5);
    expect(value('6,5', 'en')).toBe(6.5);
    expect(value('0.500', 'en')).toBe(0.5);
  });

  it('refuses what is not one number', () => {
    for (const text of ['abc', '6,5,5', '6.5.5', '1.23,4', '6,', '6 5', '--3', '1e3', '0x10', 'Infinity', '6,5abc']) {
      expect(value(text, 'da'), text).toBe('notANumber');
      expect(value(text, 'en'), text).toBe('notANumber');
    }
  });

  it('reads empty as none, unless a value is required', () => {
    expect(value('', 'da')).toBeNull();
    expect(value('  ', 'en')).toBeNull();
    expect(value('', 'da', { required: true })).toBe('required');
  });

  it('refuses a number outside the field’s rule, naming the bound', () => {
    const lead = { required: true, integer: true, min: 0, max: 12 };
    expect(value('4', 'da', lead)).toBe(4);
    expect(value('4,5', 'da', lead)).toBe('notWhole');
    expect(value('13', 'da', lead)).toBe('max');
    expect(value('-1', 'da', lead)).toBe('min');
    expect(readNumber('13', 'da', lead)).toEqual({ ok: false, refusal: { code: 'max', max: 12 } });
    expect(value('0', 'da', { above: 0 })).toBe('above');
    expect(value('0,1', 'da', { above: 0 })).toBe(0.1);
  });
});

describe('writeNumber', () => {
  it('writes a number the page’s way, and what it writes reads back the same', () => {
    expect(writeNumber(6.5, 'da')).toBe('6,5');
    expect(writeNumber(1234.5, 'da')).toBe('1.234,5');
    expect(writeNumber(1234.5, 'en')).toBe('1,234.5');
    for (const n of [0, 0.25, 6.5, 7.125, 40, 1000, 1234.5, 987654.321]) {
      for (const lang of ['da', 'en'] as const) expect(value(writeNumber(n, lang), lang)).toBe(n);
    }
  });
});

describe('a number field and a link', () => {
  it('take the same numbers: what a field accepts, a link keeps as it is, and what a link would change, a field refuses', () => {
    const params = (REGISTRY as Param<unknown>[]).filter((p): p is NumberParam<number | null> => 'rule' in p && p.key !== 'fte' && p.key !== 'boardfte');
    expect(params.map((p) => p.key).sort()).toEqual(
      ['aallow', 'aconf', 'aseed', 'atol', 'ahead', 'boardcap', 'boardcheck', 'boardweeks', 'caseweight', 'catchup', 'lead', 'levelcap', 'monthcap', 'over', 'slack', 'tcatchup2', 'tlead', 'tlead2', 'tstep', 'weekcap'].sort(),
    );
    for (const param of params) {
      for (let n = -2; n <= 30; n += 0.5) {
        const typed = readNumber(String(n), 'en', param.rule);
        expect(typed.ok, `${param.key}=${n}`).toBe(param.clamp(n) === n);
      }
    }
  });
});
