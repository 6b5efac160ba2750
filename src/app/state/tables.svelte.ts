import { getContext, hasContext, setContext } from 'svelte';
import { app } from './params.ts';
import type { UrlState } from './url.svelte.ts';

/*
 * Which chart cards show their table instead of the chart. Kept in the
 * address (`?tables=flow-all,heat-month`) so a shared link, or a reload,
 * opens each card the way it was left. Cards find the address through the
 * context the views set; without one (a card on its own) they keep it locally.
 */

const ADDRESS = Symbol('address for table views');

/** Lets the chart cards below keep their table view in `url`. */
export function keepTablesIn(url: UrlState): void {
  setContext(ADDRESS, url);
}

/**
 * One card's table view; read `shown` in markup, bind it to the card.
 * Must be made while a component initialises (it reads the context).
 * @example const table = new TableView('flow-all'); // bind:asTable={(): boolean => table.shown, (on: boolean): void => table.show(on)}
 */
export class TableView {
  #local = $state(false);
  readonly #url: UrlState | undefined;

  constructor(readonly card: string) {
    this.#url = hasContext(ADDRESS) ? getContext<UrlState>(ADDRESS) : undefined;
  }

  get shown(): boolean {
    return this.#url ? this.#url.get(app.tables).includes(this.card) : this.#local;
  }

  /** Shows the table (true) or the chart (false). */
  show(on: boolean): void {
    if (!this.#url) {
      this.#local = on;
      return;
    }
    const others = this.#url.get(app.tables).filter((card) => card !== this.card);
    this.#url.set(app.tables, on ? [...others, this.card] : others);
  }
}
