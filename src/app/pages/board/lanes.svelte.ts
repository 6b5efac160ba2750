/*
 * Which swimlanes of a long board are near the screen, so only those draw
 * their cards: a unit of fifty caseworkers redraws the few lanes in view
 * when the plan changes, not a thousand cards. Lanes further away keep
 * their counts, and the view keeps roughly their height. Where the browser cannot tell
 * (no IntersectionObserver), every lane is drawn.
 */

/** How far outside the screen a lane still counts as near. */
const MARGIN = '600px 0px';

export class LaneWindow {
  #near = $state.raw<ReadonlySet<string>>(new Set());
  readonly #observer: IntersectionObserver | null;

  constructor() {
    this.#observer =
      typeof IntersectionObserver === 'undefined'
        ? null
        : new IntersectionObserver((entries) => {
            const next = new Set(this.#near);
            for (const e of entries) {
              const lane = (e.target as HTMLElement).dataset.lane ?? '';
              if (e.isIntersecting) next.add(lane);
              else next.delete(lane);
            }
            this.#near = next;
          }, { rootMargin: MARGIN });
  }

  /** Whether a lane draws its cards. */
  drawn(lane: string): boolean {
    return this.#observer === null || this.#near.has(lane);
  }

  /** Draws a lane now (before the keyboard moves into it). */
  draw(lane: string): void {
    if (!this.drawn(lane)) this.#near = new Set([...this.#near, lane]);
  }

  /** Watches a lane's row. @example <tr {@attach lanes.watch(name)}> */
  watch(lane: string) {
    return (node: HTMLElement) => {
      node.dataset.lane = lane;
      this.#observer?.observe(node);
      return () => this.#observer?.unobserve(node);
    };
  }

  disconnect(): void {
    this.#observer?.disconnect();
  }
}
