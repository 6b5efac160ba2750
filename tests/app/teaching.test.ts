// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { playbackDates, SCENARIO_NAMES, SCENARIO_UNITS, SCENARIOS } from '../../src/domain/generate/scenarios.ts';
import { shortcutOf } from '../../src/app/pages/teaching/keys.ts';
import { LESSONS } from '../../src/app/pages/teaching/lessons.ts';
import { da, en } from '../../src/app/pages/teaching/messages.ts';
import { params, scenarioParam, scenarioParams, scenarioValue, scenarioValues } from '../../src/app/pages/teaching/params.ts';
import type { Param } from '../../src/app/state/address.ts';
import { panelRequests } from '../../src/app/pages/teaching/panels.ts';
import { Playback } from '../../src/app/pages/teaching/playback.svelte.ts';

describe('the teaching view’s address', () => {
  it('reads each scenario parameter with the scenario’s default, clamped as the field clamps', () => {
    const get = (values: Record<string, string>) => <T,>(param: Param<T>): T => param.read(values[param.key] ?? null);
    expect(scenarioParams('echo', get({}))).toEqual(SCENARIOS.echo.defaults);
    expect(scenarioParams('august', get({ tmeasures: '99999', tlate: '12,4', tcatchup: 'x' }))).toEqual({ ...SCENARIOS.august.defaults, measures: 5000, late: 12 });
    const written = (scenario: 'echo' | 'even', k: 'catchUp' | 'measures', n: number) => scenarioValues[k].write(scenarioValue(scenario, k, n));
    expect(written('echo', 'catchUp', 2)).toBeNull();
    expect(written('echo', 'catchUp', 8)).toBe('8');
    expect(written('even', 'measures', 80)).toBe('100');
  });

  it('falls back to the defaults on a hand-edited link and leaves defaults out of the address', () => {
    expect(scenarioParam.read('nonsense')).toBe('even');
    expect(scenarioParam.write('even')).toBeNull();
    expect(params.lead.read('40')).toBe(12);
    expect(params.lead.read('2,6')).toBe(3);
    expect(params.lead.write(4)).toBeNull();
    expect(params.show.read('table')).toBe('flow');
    expect(params.speed.read('7')).toBe(5);
    expect(params.at.read('26-10-2025')).toBeNull();
    expect(params.at.read('2025-10-26')).toBe('2025-10-26');
  });

  it('uses keys no other view uses, and carries no case data', () => {
    const keys = [scenarioParam.key, ...Object.values(params).map((p) => p.key), 'tmeasures', 'tseason', 'tlate', 'tcap', 'tcatchup'];
    const others = ['view', 'export', 'lang', 'tables', 'types', 'fte', 'cap', 'unit', 'wcap', 'cell', 'wcell', 'grain', 'y', 'hide', 'compare', 'from', 'to', 'lead', 'policy', 'weeks', 'catchup', 'registered'];
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => others.includes(k))).toEqual([]);
  });
});

describe('the side-by-side panels', () => {
  const a = { scenario: 'echo' as const, params: SCENARIOS.echo.defaults, lead: 4, policy: 'level' as const };
  const second = { policy: 'due' as const, lead: 0, catchUp: 8, scenario: 'even' as const };

  it('differ from the first in the one thing chosen', () => {
    expect(panelRequests(a, 'off', second)).toEqual([a]);
    expect(panelRequests(a, 'policy', second)[1]).toEqual({ ...a, policy: 'due' });
    expect(panelRequests(a, 'lead', second)[1]).toEqual({ ...a, lead: 0 });
    expect(panelRequests(a, 'catchup', second)[1]).toEqual({ ...a, params: { ...a.params, catchUp: 8 } });
    expect(panelRequests(a, 'scenario', second)[1]).toEqual({ ...a, scenario: 'even', params: SCENARIOS.even.defaults });
  });
});

describe('the lessons', () => {
  const dates = new Set(playbackDates());

  it('give every scenario 4 to 6 steps, each as of a frame of the playback, on a unit of the scenario', () => {
    for (const name of SCENARIO_NAMES) {
      const steps = LESSONS[name];
      expect(steps.length).toBeGreaterThanOrEqual(4);
      expect(steps.length).toBeLessThanOrEqual(6);
      for (const step of steps) {
        expect(dates.has(step.at)).toBe(true);
        if (step.unit) expect(SCENARIO_UNITS).toContain(step.unit);
      }
    }
  });

  it('have a title and a text for every step, and a name and a story for every scenario, in Danish and English', () => {
    for (const dictionary of [en, da] as Record<string, string>[]) {
      for (const name of SCENARIO_NAMES) {
        expect(dictionary[`scenario.${name}`]).toBeTruthy();
        expect(dictionary[`story.${name}`]).toBeTruthy();
        for (const step of LESSONS[name]) {
          expect(dictionary[`step.${step.kind}`]).toBeTruthy();
          expect(dictionary[`lesson.${name}.${step.kind}`]).toBeTruthy();
        }
      }
    }
  });
});

describe('keyboard shortcuts', () => {
  const key = (k: string, target: Element | null = null, more: Partial<KeyboardEvent> = {}) =>
    shortcutOf({ key: k, target, defaultPrevented: false, altKey: false, ctrlKey: false, metaKey: false, ...more });
  /** A real element of `tag`, inside a plain div, on the page. */
  const element = (tag: string, attributes: Record<string, string> = {}) => {
    const host = document.createElement('div');
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    host.append(el);
    document.body.append(host);
    return el;
  };

  it('play with Space, step with the arrows, go full screen with F, and move through the lesson with Page Down and Up', () => {
    expect([' ', 'ArrowLeft', 'ArrowRight', 'f', 'F', 'PageDown', 'PageUp', 'x'].map((k) => key(k))).toEqual(['play', 'back', 'forward', 'fullscreen', 'fullscreen', 'next', 'previous', null]);
  });

  it('do not fire in a field, a list or a slider, nor with a modifier, nor where a chart took the key', () => {
    expect(key('ArrowRight', element('input'))).toBeNull();
    expect(key('ArrowLeft', element('input', { type: 'range' }))).toBeNull();
    expect(key('f', element('select'))).toBeNull();
    expect(key(' ', element('textarea'))).toBeNull();
    expect(key('ArrowRight', element('rect', { role: 'slider' }))).toBeNull();
    expect(key('ArrowRight', element('div'))).toBe('forward');
    expect(key('ArrowRight', null, { defaultPrevented: true })).toBeNull();
    expect(key('f', null, { ctrlKey: true })).toBeNull();
  });

  it('leave Space to a focused button, which it presses, but step from it with the arrows', () => {
    expect(key(' ', element('button'))).toBeNull();
    expect(key(' ', element('div'))).toBe('play');
    expect(key('ArrowRight', element('button'))).toBe('forward');
  });
});

describe('playback', () => {
  function player(count = 4) {
    const address = { frame: 1, written: [] as number[] };
    const playback = new Playback({
      count: () => count,
      at: () => address.frame,
      settle: (f) => {
        address.frame = f;
        address.written.push(f);
      },
    });
    return { playback, address };
  }

  it('runs from the address’s frame, does not write the address while it runs, and puts the frame there when paused', () => {
    const { playback, address } = player();
    playback.play();
    playback.tick();
    expect(playback.frame).toBe(2);
    expect(address.written).toEqual([]);
    playback.pause();
    expect(address.written).toEqual([2]);
    expect(playback.frame).toBe(2);
  });

  it('stops at the last frame and starts again from the first', () => {
    const { playback, address } = player();
    playback.play();
    playback.tick();
    playback.tick();
    expect(playback.playing).toBe(false);
    expect(address.frame).toBe(3);
    playback.play();
    expect(playback.frame).toBe(0);
  });

  it('steps one frame within the range, stopped or running', () => {
    const { playback, address } = player();
    playback.step(-1);
    playback.step(-1);
    expect(address.written).toEqual([0, 0]);
    playback.play();
    playback.step(2);
    expect(playback.frame).toBe(2);
    expect(playback.playing).toBe(true);
    playback.seek(9);
    expect(playback.playing).toBe(false);
    expect(address.frame).toBe(3);
  });
});
