import { translator } from '../../i18n/index.ts';

/* The overview's words on the registration statistic (SPEC §6), in both languages. `{name}` marks a value. */

export const en = {
  'reg.title': 'Registered against real',
  'reg.intro': 'The old case system (BUS) counted a measure as late until two on-time follow-ups followed a late one. Set beside what is overdue now, this shows how far its statistic is from reality, and what technical follow-ups hid.',
  'reg.sentence': '{unit}: the BUS rule shows {flagged} as late; {overdue} {have} an overdue follow-up now.',
  'reg.sentence.technical': 'Counting technical follow-ups as done, it shows {registered}.',
  'reg.measures': '{n} measures',
  'reg.measures.one': '1 measure',
  'reg.have': 'have',
  'reg.have.one': 'has',
  'reg.caption': 'Measures late by the old rule and overdue now, per unit, as of {date}',
  'reg.unit': 'Unit',
  'reg.judged': 'Measures with follow-ups due',
  'reg.flagged': 'Late by the BUS rule',
  'reg.registered': 'Late by the BUS rule, technical follow-ups counted',
  'reg.overdue': 'With an overdue follow-up now',
  'reg.total': 'Total',
};

export type OverviewKey = keyof typeof en;

export const da: Record<OverviewKey, string> = {
  'reg.title': 'Registreret over for virkelighed',
  'reg.intro': 'Det gamle sagssystem BUS regnede en foranstaltning som for sent, indtil to rettidige opfølgninger fulgte efter en forsinket. Sat over for det, der er overskredet nu, viser det, hvor langt statistikken er fra virkeligheden, og hvad tekniske opfølgninger skjulte.',
  'reg.sentence': '{unit}: BUS-reglen viser {flagged} som for sent; {overdue} {have} en overskredet opfølgning nu.',
  'reg.sentence.technical': 'Tælles tekniske opfølgninger som udført, viser den {registered}.',
  'reg.measures': '{n} foranstaltninger',
  'reg.measures.one': '1 foranstaltning',
  'reg.have': 'har',
  'reg.have.one': 'har',
  'reg.caption': 'Foranstaltninger for sent efter den gamle regel og overskredet nu, pr. enhed, opgjort pr. {date}',
  'reg.unit': 'Enhed',
  'reg.judged': 'Foranstaltninger med forfaldne opfølgninger',
  'reg.flagged': 'For sent efter BUS-reglen',
  'reg.registered': 'For sent efter BUS-reglen, tekniske opfølgninger talt med',
  'reg.overdue': 'Med en overskredet opfølgning nu',
  'reg.total': 'I alt',
};

/** The overview's message for `key` in the current language, `{name}` filled from `values`. */
export const m = translator<OverviewKey>({ en, da });
