/*
 * Before every test file. Component tests run in jsdom, which has no
 * ResizeObserver: the charts' frames and the scrolled lists measure
 * themselves with one. Here it observes nothing, so a frame keeps its
 * default width (a test that needs another mocks `clientWidth`).
 */
if (typeof window !== 'undefined') {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}
