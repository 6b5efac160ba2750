import { describe, expect, it } from 'vitest';
import { REGISTRY } from '../../src/app/registry.ts';
import { clashes, type Param } from '../../src/app/state/address.ts';
import { app, unitOf } from '../../src/app/state/params.ts';
import { UrlState } from '../../src/app/state/url.svelte.ts';
import { workload } from '../../src/app/pages/heatmaps/params.ts';
import { flow, readParams } from '../../src/app/pages/flow/params.ts';
import { levelling } from '../../src/app/pages/levelling/params.ts';

/** Names a person may give a unit, a caseworker or a measure type, each hard on a link in its own way. */
const NAMES = ['Amager', 'Syd, Øst', 'A:B', '100%', 'Nord & Vest', 'a=b', 'Brønshøj-Husum', 'Æble?#/+ å', '%2C'];

/** Values each parameter must carry through a link unchanged; every parameter of the registry has some. */
const SAMPLES: Record<string, unknown[]> = {
  export: ['demo', 'Syd, Øst & co', null],
  lang: ['da', 'en', null],
  view: ['overview', 'heatmaps', 'flow', 'levelling', 'board', 'balance', 'registration', 'teaching'],
  endpoint: ['/udtraek/', '/a b/?x=1&y=2', null],
  tables: [[], ['flow-all', 'heat-month'], NAMES],
  types: [[], ['anbringelse'], NAMES],
  units: [[], ['Valby'], NAMES],
  registered: [false, true],
  local: [null, '0a1b2c3d'],
  mock: [null, '1', 'slow'],
  fte: [{}, { Amager: 4.5, Valby: 3 }, Object.fromEntries(NAMES.map((n, i) => [n, i + 0.5])), Object.fromEntries([['__proto__', 2], ['constructor', 1]])],
  monthcap: [null, 40, 2.5],
  monthcell: [null, { row: 'Amager', col: '2025-04' }, ...NAMES.map((row) => ({ row, col: '2025-04' }))],
  weekunit: [null, ...NAMES],
  weekcap: [null, 6, 0.5],
  weekcell: [null, { row: '', col: '2025-W23' }, ...NAMES.map((row) => ({ row, col: '2026-W01' }))],
  overdueunit: [null, ...NAMES],
  overdueorder: ['oldest', 'newest', 'caseworker'],
  grain: ['month', 'week'],
  y: ['shared', 'independent'],
  hide: [[], ['done'], ['done', 'missed', 'overdue', 'upcoming']],
  compare: [null, ['Amager', 'Valby'], ['Syd, Øst', 'A:B'], ['Nord & Vest', 'æøå%']],
  from: [null, '2025-01-31'],
  to: [null, '2025-06-30'],
  lead: [0, 4, 12],
  levelcap: [null, 1, 30],
  policy: ['due', 'shift', 'level'],
  levelunit: [null, ...NAMES],
  weeks: [1, 2, 4, 8, 13, 26],
  catchup: [1, 4, 26],
  rfrom: [null, '2025-01'],
  rto: [null, '2025-06'],
  rcell: [null, { row: 'Amager', col: '2025-04' }, ...NAMES.map((row) => ({ row, col: '2025-04' }))],
  afrom: [null, '2025-04-01'],
  ato: [null, '2025-06-30'],
  aconf: [95, 99.5, 50],
  atol: [5, 2.5, 0.1],
  aallow: [0, 1, 50],
  aper: [false, true],
  aseed: [null, 0, 4711, 4294967295],
  ahead: [0, 13, 26],
  caseweight: [0, 0.5, 1, 100],
  slack: [0, 5, 100],
  over: [0, 20, 200],
  bunit: [null, ...NAMES],
  boardweeks: [4, 8, 12],
  boardcap: [null, 6, 2.5],
  boardfte: [{}, { AB: 0.5, CD: 2 }, Object.fromEntries(NAMES.map((n, i) => [n, (i + 1) / 5]))],
  boardcheck: [1, 2, 8],
  scenario: ['even', 'august', 'behind', 'technical', 'echo'],
  tmeasures: [null, 100, 2000, 5000],
  tseason: [null, 0, 100],
  tlate: [null, 0, 12],
  tcap: [null, 5, 40],
  tcatchup: [null, 1, 8, 26],
  tshow: ['flow', 'heat', 'load', 'stat'],
  tlead: [0, 4, 12],
  tpolicy: ['due', 'shift', 'level'],
  tunit: [null, ...NAMES],
  tstep: [0, 3, 6],
  tspeed: [1, 5, 20],
  tvs: ['off', 'policy', 'lead', 'catchup', 'scenario'],
  tpolicy2: ['due', 'shift', 'level'],
  tlead2: [0, 4, 12],
  tcatchup2: [1, 8, 26],
  tscenario2: ['even', 'echo'],
  tat: [null, '2025-10-26'],
};

/** A link as a browser keeps it: written into an address, parsed back from its text. */
function throughLink<T>(param: Param<T>, value: T): T {
  const place = { location: new URL('https://sagsflow.test/'), history: { state: null, replaceState: (_s: unknown, _t: string, url: URL) => (place.location = new URL(url)) } };
  new UrlState(place as never).set(param, value);
  return new UrlState(place as never).get(param);
}

describe('the address registry', () => {
  it('gives every parameter its own key', () => {
    expect(clashes(REGISTRY)).toEqual([]);
    expect(clashes([levelling.lead, levelling.lead])).toEqual(['lead']);
  });

  it('has sample values for every parameter it holds', () => {
    expect(REGISTRY.map((p) => p.key).sort()).toEqual(Object.keys(SAMPLES).sort());
  });

  it.each(REGISTRY.map((p) => [p.key, p] as const))('%s: a value read back from its text is the value written', (key, param) => {
    for (const value of SAMPLES[key]!) {
      expect(param.read(param.write(value))).toEqual(value);
      expect(throughLink(param, value)).toEqual(value);
    }
  });

  it.each(REGISTRY.map((p) => [p.key, p] as const))('%s: a text written back from its value is the text read', (key, param) => {
    for (const value of SAMPLES[key]!) {
      const text = param.write(value);
      expect(param.write(param.read(text))).toBe(text);
    }
  });

  it.each(REGISTRY.map((p) => [p.key, p] as const))('%s: the default leaves the address, and nonsense reads as the default', (_key, param) => {
    expect(param.write(param.default)).toBeNull();
    expect(param.read(null)).toEqual(param.default);
    expect(param.read('')).toEqual(param.default);
  });
});

describe('values in a link read as in their field', () => {
  it('a lead of 20 reads 12, below 0 reads 0, and 2.6 reads 3', () => {
    expect(['20', '-1', '2.6', '12', '0'].map((s) => levelling.lead.read(s))).toEqual([12, 0, 3, 12, 0]);
    expect(levelling.lead.clamp(20)).toBe(12);
    expect(['x', '', null].map((s) => levelling.lead.read(s))).toEqual([4, 4, 4]);
  });

  it('catch-up weeks are a whole number from 1 to 26, four by default', () => {
    expect(['0', '27', '3.4', 'x', null].map((s) => app.catchUp.read(s))).toEqual([1, 26, 3, 4, 4]);
  });

  it('a levelling capacity is a whole number of one or more, and none otherwise', () => {
    expect(['30', '2.5', '0', '-3', 'many', null].map((s) => levelling.capacity.read(s))).toEqual([30, 3, null, null, null, null]);
  });

  it('a workload capacity is any positive number, and none otherwise', () => {
    expect(['40', '2.5', '0', 'lots', null].map((s) => workload.monthCap.read(s))).toEqual([40, 2.5, null, null, null]);
  });

  it('the plan’s weeks are one of the offered choices, four by default', () => {
    expect(['8', '5', null].map((s) => levelling.planWeeks.read(s))).toEqual([8, 4, 4]);
  });

  it('hidden bands read in flow order, unknown names dropped', () => {
    expect(flow.hidden.read('upcoming,done,nonsense')).toEqual(['done', 'upcoming']);
  });

  it('a unit the export does not have reads as none', () => {
    expect(unitOf('Amager', ['Amager', 'Valby'])).toBe('Amager');
    expect(unitOf('Nowhere', ['Amager'])).toBeNull();
    expect(unitOf(null, ['Amager'])).toBeNull();
  });

  it('FTE entries that are not a positive number are left out', () => {
    expect(workload.fte.read('Amager:x,Valby:0,Nørrebro:-1,:2,Vesterbro:2')).toEqual({ Vesterbro: 2 });
  });
});

describe('one key, one meaning', () => {
  const place = () => ({ location: new URL('https://sagsflow.test/?view=heatmaps'), history: { state: null, replaceState() {} } });

  it('a measure type named “a,b” chosen in the workload is the one the flow counts', () => {
    const url = new UrlState(place() as never);
    url.set(app.types, ['a,b', 'c']);
    expect(readParams(url, [], ['a,b', 'c']).types).toEqual(['a,b', 'c']);
  });

  it('a capacity set in the workload is not the levelling’s capacity, nor the other heatmap’s', () => {
    const url = new UrlState(place() as never);
    url.set(workload.monthCap, 40);
    expect(url.get(levelling.capacity)).toBeNull();
    expect(url.get(workload.weekCap)).toBeNull();
    url.set(levelling.capacity, 12);
    expect(url.get(workload.monthCap)).toBe(40);
  });

  it('an unchanged parameter reads as the very same value when another changes', () => {
    const url = new UrlState(place() as never);
    url.set(app.types, ['a']);
    const types = url.get(app.types);
    url.set(flow.grain, 'week');
    expect(url.get(app.types)).toBe(types);
  });

  it('keeps a link readable: lists and pairs show their commas and colons, parameters it does not know stay', () => {
    const p = { location: new URL('https://sagsflow.test/?mock=slow'), history: { state: null, replaceState: (_s: unknown, _t: string, url: URL) => (p.location = new URL(url)) } };
    const url = new UrlState(p as never);
    url.set(workload.fte, { Amager: 4.5, 'Syd, Øst': 3 });
    url.set(flow.compare, ['Amager', 'Valby']);
    expect(p.location.search).toBe('?mock=slow&fte=Amager:4.5,Syd%252C+%C3%98st:3&compare=Amager,Valby');
    expect(url.link(app.view, 'flow')).toBe('?mock=slow&fte=Amager:4.5,Syd%252C+%C3%98st:3&compare=Amager,Valby&view=flow');
  });
});
