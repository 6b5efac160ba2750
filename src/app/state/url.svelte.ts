import type { Param } from './address.ts';

type Place = Pick<Window, 'location' | 'history'>;

/** `,` and `:` separate items of a list or pair and are legal in a query: shown as they are, a link stays readable. */
const readable = (search: string): string => search.replace(/%2C/gi, ',').replace(/%3A/gi, ':');

/**
 * The view state that lives in the address (`?export=demo&lang=da`), so a
 * view can be shared by its link. It is read and written only through the
 * registry's parameters (address.ts). Writes replace the history entry:
 * switching export or language is not a navigation the Back button should
 * replay. Parameters it does not know (such as `mock`) are kept.
 */
export class UrlState {
  #params = $state.raw(new URLSearchParams());
  /** A parameter's last value with the text it was read from: an unchanged text gives the same value, so a change to one parameter re-derives nothing that reads another. */
  readonly #read = new Map<Param<unknown>, { text: string | null; value: unknown }>();
  readonly #place: Place;

  constructor(place: Place = window) {
    this.#place = place;
    this.#params = new URLSearchParams(place.location.search);
  }

  /** A parameter's value (its default when absent or unreadable). @example url.get(levelling.lead) // 4 */
  get<T>(param: Param<T>): T {
    const text = this.#params.get(param.key);
    const last = this.#read.get(param);
    if (last && last.text === text) return last.value as T;
    const value = param.read(text);
    this.#read.set(param, { text, value });
    return value;
  }

  /** Sets a parameter; the default removes it from the address. */
  set<T>(param: Param<T>, value: T): void {
    const params = this.#with(param, value);
    this.#params = params;
    const url = new URL(this.#place.location.href);
    url.search = readable(params.toString());
    this.#place.history.replaceState(this.#place.history.state, '', url);
  }

  /** The address with one parameter set, for a link's `href`. @example url.link(app.view, 'flow') // '?view=flow' */
  link<T>(param: Param<T>, value: T): string {
    return `?${readable(this.#with(param, value).toString())}`;
  }

  #with<T>(param: Param<T>, value: T): URLSearchParams {
    const params = new URLSearchParams(this.#params);
    const text = param.write(value);
    if (text === null) params.delete(param.key);
    else params.set(param.key, text);
    return params;
  }
}
