/*
 * Running time forward: the frame shown, playing or not. While it plays,
 * the frame lives here (the address is not written ten times a second);
 * when it stops, by Pause, a step or the last frame, the frame is handed
 * to `settle`, which puts it in the address. Stopped, the frame shown is
 * the address's.
 */

export interface PlaybackOptions {
  /** How many frames there are. */
  count: () => number;
  /** The frame the address holds. */
  at: () => number;
  /** Puts a frame in the address. */
  settle: (frame: number) => void;
}

export class Playback {
  playing = $state(false);
  #frame = $state(0);
  readonly #o: PlaybackOptions;

  constructor(options: PlaybackOptions) {
    this.#o = options;
  }

  get frame(): number {
    return this.playing ? this.#frame : this.#o.at();
  }

  get last(): number {
    return Math.max(0, this.#o.count() - 1);
  }

  /** From the frame shown; from the first again when it is the last. */
  play(): void {
    const at = this.#o.at();
    this.#frame = at >= this.last ? 0 : at;
    this.playing = true;
  }

  pause(): void {
    if (!this.playing) return;
    this.playing = false;
    this.#o.settle(this.#frame);
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  /** One frame on (or back); playing, the run goes on from there. */
  step(by: number): void {
    const to = Math.min(this.last, Math.max(0, this.frame + by));
    if (this.playing) this.#frame = to;
    else this.#o.settle(to);
  }

  /** Straight to a frame; a run stops there. */
  seek(frame: number): void {
    this.playing = false;
    this.#o.settle(Math.min(this.last, Math.max(0, frame)));
  }

  /** The timer's beat: the next frame, stopping at the last. */
  tick(): void {
    if (!this.playing) return;
    if (this.#frame < this.last) this.#frame++;
    if (this.#frame >= this.last) this.pause();
  }
}
