import { isLang, type Lang } from './locale.svelte.ts';

type Place = Pick<Window, 'location' | 'history'>;

/**
 * The view state that lives in the address (`?export=demo&lang=da`), so a
 * view can be shared by its link. Writes replace the history entry: switching
 * export or language is not a navigation the Back button should replay.
 * Parameters it does not know (such as `mock`) are kept.
 */
export class UrlState {
  #params = $state.raw(new URLSearchParams());
  readonly #place: Place;

  constructor(place: Place = window) {
    this.#place = place;
    this.#params = new URLSearchParams(place.location.search);
  }

  get exportId(): string | null {
    return this.#params.get('export') || null;
  }

  set exportId(value: string | null) {
    this.#write('export', value);
  }

  get lang(): Lang | null {
    const value = this.#params.get('lang');
    return isLang(value) ? value : null;
  }

  set lang(value: Lang | null) {
    this.#write('lang', value);
  }

  /** Any view's own parameter (`?unit=Valby&lead=4`), null when absent. */
  param(name: string): string | null {
    return this.#params.get(name);
  }

  /** Sets or (with null) removes a view's parameter. */
  setParam(name: string, value: string | null): void {
    this.#write(name, value);
  }

  #write(name: string, value: string | null): void {
    const params = new URLSearchParams(this.#params);
    if (value === null) params.delete(name);
    else params.set(name, value);
    this.#params = params;
    const url = new URL(this.#place.location.href);
    url.search = params.toString();
    this.#place.history.replaceState(this.#place.history.state, '', url);
  }
}
