import { createContext } from 'svelte';

/*
 * The drawing area a chart's marks share (LayerCake's idea, typed): its
 * size in pixels and the margins around the plot. Marks read it with
 * getFrame(); Frame.svelte provides it.
 */

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface FrameSize {
  width: number;
  height: number;
  margin: Margin;
  /** Text size in pixels: axes, labels and cell numbers follow it. */
  fontSize: number;
}

export const DEFAULT_MARGIN: Margin = { top: 8, right: 8, bottom: 28, left: 48 };
/** Chart text on a screen at arm's length; a projector needs more (the teaching view's 16). */
export const DEFAULT_FONT_SIZE = 12;

export class FrameState {
  readonly #size: () => FrameSize;
  readonly width = $derived.by(() => this.#size().width);
  readonly height = $derived.by(() => this.#size().height);
  readonly margin = $derived.by(() => this.#size().margin);
  readonly fontSize = $derived.by(() => this.#size().fontSize);
  readonly innerWidth = $derived(Math.max(0, this.width - this.margin.left - this.margin.right));
  readonly innerHeight = $derived(Math.max(0, this.height - this.margin.top - this.margin.bottom));

  /** `size` is read reactively: the frame follows the props it comes from. */
  constructor(size: () => FrameSize) {
    this.#size = size;
  }
}

export const [getFrame, setFrame] = createContext<FrameState>();
