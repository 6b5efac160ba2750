import { OVERDUE_ORDERS } from '../../../domain/aggregate/overdueOrders.ts';
import { cell, numberPerName, oneOf, positiveNumber, text } from '../../state/address.ts';

/*
 * The workload view's parameters (the measure types are the app's, shared
 * with the flow). The unit × month heatmap's are named month…, the
 * caseworker × week heatmap's week…, so neither capacity leaks into the
 * other, nor into the levelling's own:
 *
 *   fte=Amager:4.5,Valby:3   monthcap=40   monthcell=Amager:2025-04
 *   weekunit=Valby   weekcap=6   weekcell=AB:2025-W23   overdueunit=Valby
 */

export type { CellRef } from '../../state/address.ts';

export const workload = {
  /** Full-time caseworkers per unit; the colour shows load per FTE once every unit has one. */
  fte: numberPerName('fte'),
  /** Capacity per unit and month (the outline in the unit × month heatmap). */
  monthCap: positiveNumber('monthcap'),
  monthCell: cell('monthcell'),
  /** The unit whose caseworkers are shown week by week; the export's first unit when absent. */
  weekUnit: text('weekunit'),
  /** Capacity per caseworker and week. */
  weekCap: positiveNumber('weekcap'),
  weekCell: cell('weekcell'),
  /** The unit whose overdue follow-ups are listed; all units when absent. */
  overdueUnit: text('overdueunit'),
  /** How the list of overdue follow-ups is ordered. */
  overdueOrder: oneOf('overdueorder', OVERDUE_ORDERS, 'oldest'),
} as const;
