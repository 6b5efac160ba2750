import type { ChartCardLabels } from '../../../charts/ChartCard.svelte';
import { m } from './messages.ts';

export const cardLabels = (): ChartCardLabels => ({
  viewTable: m('card.viewTable'),
  viewChart: m('card.viewChart'),
  png: m('card.png'),
  svg: m('card.svg'),
  csv: m('card.csv'),
});
