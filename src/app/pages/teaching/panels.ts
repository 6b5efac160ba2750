import { SCENARIOS, type ScenarioName } from '../../../domain/generate/scenarios.ts';
import type { PolicyName } from '../../../domain/levelling/index.ts';
import type { PanelRequest } from '../../../workers/teachingClient.ts';
import { m as levelWords, weeks } from '../levelling/messages.ts';
import type { Versus } from './params.ts';
import { m } from './messages.ts';

/*
 * The stage's panels: the first as the controls say, and side by side a
 * second that differs in one thing. Each is named by that thing, in the
 * page's language when it is drawn.
 */

export interface Second {
  policy: PolicyName;
  lead: number;
  catchUp: number;
  scenario: ScenarioName;
}

/** @example panelRequests(a, 'lead', second).map((p) => p.lead) // [4, 0] */
export function panelRequests(a: PanelRequest, versus: Versus, second: Second): PanelRequest[] {
  switch (versus) {
    case 'off':
      return [a];
    case 'policy':
      return [a, { ...a, policy: second.policy }];
    case 'lead':
      return [a, { ...a, lead: second.lead }];
    case 'catchup':
      return [a, { ...a, params: { ...a.params, catchUp: second.catchUp } }];
    case 'scenario':
      return [a, { ...a, scenario: second.scenario, params: SCENARIOS[second.scenario].defaults }];
  }
}

/** A panel's name: what tells it from the other. */
export function panelName(versus: Versus, r: PanelRequest): string {
  switch (versus) {
    case 'policy':
      return levelWords(`policy.short.${r.policy}`);
    case 'lead':
      return m('panel.lead', { lead: weeks(r.lead) });
    case 'catchup':
      return m('panel.catchUp', { weeks: weeks(r.params.catchUp) });
    default:
      return m(`scenario.${r.scenario}`);
  }
}
