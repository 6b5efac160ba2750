import { untrack } from 'svelte';
import type { Param } from './address.ts';
import { whenShown, type Clock } from './later.svelte.ts';

/** Where the address lives: a window, or (in tests) its location and history alone, which are written at once. */
type Place = Pick<Window, 'location' | 'history'> & Partial<Clock & Pick<Window, 'addEventListener'>>;

/** `,` and `:` separate items of a list or pair and are legal in a query: shown as they are, a link stays readable. */
const readable = (search: string): string => search.replace(/%2C/gi, ',').replace(/%3A/gi, ':');

/**
 * The view state that lives in the address (`?export=demo&lang=da`), so a
 * view can be shared by its link. It is read and written only through the
 * registry's parameters (address.ts). Writes replace the history entry:
 * switching export or language is not a navigation the Back button should
 * replay. Parameters it does not know (such as `mock`) are kept. The page
 * reads the new state at once; the address follows once the change is on
 * the screen (a history write held up the frame of every control by a few
 * milliseconds), and at the latest a quarter of a second later, or when the
 * page is left.
 */
/** One parameter's text, as its own signal. */
class Text {
  value = $state.raw<string | null>(null);
  constructor(value: string | null) {
    this.value = value;
  }
}

export class UrlState {
  #params: URLSearchParams;
  /**
   * Each parameter's text as its own signal, so a change to one parameter
   * re-runs only what reads that one: moving the lead does not re-derive the
   * catch-up's figures or redraw the other views' links' readers.
   */
  readonly #texts = new Map<string, Text>();
  /** Any change: for links (they hold every parameter), and for a text read before it had a signal. */
  #version = $state(0);
  /** A parameter's last value with the text it was read from: an unchanged text gives the same value. */
  readonly #read = new Map<Param<unknown>, { text: string | null; value: unknown }>();
  readonly #place: Place;

  constructor(place: Place = window) {
    this.#place = place;
    this.#params = new URLSearchParams(place.location.search);
    for (const key of this.#params.keys()) this.#texts.set(key, new Text(this.#params.get(key)));
    place.addEventListener?.('pagehide', () => this.#pending && this.#write());
  }

  #text(key: string): string | null {
    const box = this.#texts.get(key);
    if (box) return box.value;
    // A signal made while a derived runs is not tracked by it: this first
    // reader of a parameter absent from the address re-runs on the next
    // change of any, and from then on reads the parameter's own signal.
    void this.#version;
    this.#texts.set(key, new Text(this.#params.get(key)));
    return this.#params.get(key);
  }

  /** A parameter's value (its default when absent or unreadable). @example url.get(levelling.lead) // 4 */
  get<T>(param: Param<T>): T {
    const text = this.#text(param.key);
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
    const box = this.#texts.get(param.key);
    if (box) box.value = params.get(param.key);
    else this.#texts.set(param.key, new Text(params.get(param.key)));
    this.#version = untrack(() => this.#version) + 1; // a write, never a dependency of the writer
    this.#later();
  }

  /** Cancels the write the address waits for, while it is behind the state. */
  #pending: (() => void) | null = null;

  /** Writes the address once the change is on the screen, at the latest a quarter of a second from now; at once where no frames come. */
  #later(): void {
    const place = this.#place;
    if (!place.requestAnimationFrame) return this.#write();
    this.#pending ??= whenShown(() => this.#write(), { latest: 250, clock: place as Clock });
  }

  #write(): void {
    this.#pending?.();
    this.#pending = null;
    const url = new URL(this.#place.location.href);
    url.search = readable(this.#params.toString());
    this.#place.history.replaceState(this.#place.history.state, '', url);
  }

  /** The address with one parameter set, for a link's `href`. @example url.link(app.view, 'flow') // '?view=flow' */
  link<T>(param: Param<T>, value: T): string {
    void this.#version;
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
