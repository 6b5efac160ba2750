import type { Attachment } from 'svelte/attachments';

/*
 * The view on a projector: full screen on its own container, and a stage
 * that fills what is left of the screen below the controls, so the chart
 * is whole on the first screen at 1280 × 720.
 */

/** Full screen (the Fullscreen API) on one element; `active` follows Esc and the browser's own controls too. */
export class FullScreen {
  active = $state(false);
  #element: HTMLElement | null = null;

  /** Attach to the element that goes full screen. */
  readonly attach: Attachment<HTMLElement> = (element) => {
    this.#element = element;
    const follow = () => (this.active = document.fullscreenElement === element);
    document.addEventListener('fullscreenchange', follow);
    return () => {
      document.removeEventListener('fullscreenchange', follow);
      this.#element = null;
    };
  };

  get available(): boolean {
    return typeof document !== 'undefined' && document.fullscreenEnabled;
  }

  toggle(): void {
    if (!this.#element) return;
    if (document.fullscreenElement === this.#element) void document.exitFullscreen();
    else void this.#element.requestFullscreen().catch(() => {});
  }
}

/**
 * Makes an element as tall as the screen below its top (at least `min`
 * pixels), again whenever the window, full screen or what stands above it
 * changes size.
 */
export function fillScreen(min: number): Attachment<HTMLElement> {
  return (element) => {
    const fit = () => {
      const scroller = document.fullscreenElement ?? document.scrollingElement ?? document.documentElement;
      const top = element.getBoundingClientRect().top + (document.fullscreenElement ? scroller.scrollTop : window.scrollY);
      const height = Math.max(min, Math.floor(window.innerHeight - top - 12));
      element.style.height = `${height}px`;
    };
    fit();
    const observer = new ResizeObserver(fit);
    if (element.parentElement) observer.observe(element.parentElement);
    window.addEventListener('resize', fit);
    document.addEventListener('fullscreenchange', fit);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', fit);
      document.removeEventListener('fullscreenchange', fit);
    };
  };
}
