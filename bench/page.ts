/**
 * What a person feels in the page: the built app in Chromium, a generated
 * export opened through the page's file input, then
 *
 * - import: from choosing the file to the overview's numbers, with the
 *   longest task the page ran meanwhile (a click waits at most that long);
 * - each view's first chart: from the click on its link to the second frame
 *   after its first chart is in the page;
 * - each control, moved several times: the median and worst time from the
 *   input to the second frame after it ("frame"), and to the second frame
 *   after the last change it caused ("drawn"; differs where work runs in a
 *   worker while the page keeps its last frame);
 * - the page's JavaScript heap, at its peak and after garbage collection
 *   before and after playing with the controls, and after the same moves
 *   again (flat is the goal: what a second round does not add to is what
 *   the views keep for the states seen, not garbage that grows);
 * - the tab's memory: the peak resident size of the renderer process, which
 *   holds the page and its worker (read from /proc, so on Linux only).
 *
 * `npm run bench:page` (builds first), or `npm run bench:page -- 10000` for
 * chosen sizes. CHROMIUM_PATH names the browser (/usr/bin/chromium).
 * BENCH_PROFILE=<folder> writes a CPU profile of the import, of each view's
 * first open and of each control's runs there
 * (open it in the browser's developer tools; build with `--minify false`
 * to read the names).
 */
import { spawn } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { benchExportFile } from './exports.ts';

const SIZES = process.argv.slice(2).map(Number).filter((n) => n > 0);
const sizes = SIZES.length > 0 ? SIZES : [10_000, 100_000, 1_000_000];
const PORT = Number(process.env.BENCH_PORT) || 4183;
const RUNS = 9;
const PROFILE = process.env.BENCH_PROFILE;

interface Control {
  view: string;
  name: string;
  /** Runs in the page: moves the control to its `i`-th state, synchronously. */
  act: (i: number) => void;
}

/*
 * The controls, found as a person finds them: by their labels. Each `act`
 * is serialised into the page, so it may use nothing from this module.
 */
const CONTROLS: Control[] = [
  // The floor: an input that changes one character still waits for two frames (2–3 ms back to back).
  // (One that changes nothing draws no frame, and its frames come at once.)
  {
    view: 'levelling',
    name: 'one character (the floor)',
    act: (i) => {
      const mark = document.getElementById('bench-floor') ?? document.body.appendChild(Object.assign(document.createElement('span'), { id: 'bench-floor' }));
      mark.textContent = String(i % 10);
    },
  },
  {
    view: 'levelling',
    name: 'lead (slider)',
    act: (i) => {
      const input = document.querySelectorAll<HTMLInputElement>('.levelling input[type=range]')[0]!;
      input.value = String(2 + (i % 2) * 2 + (i % 3));
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
  },
  {
    view: 'levelling',
    name: 'catch-up (slider)',
    act: (i) => {
      const input = document.querySelectorAll<HTMLInputElement>('.levelling input[type=range]')[1]!;
      input.value = String(4 + (i % 2) * 4);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
  },
  {
    view: 'levelling',
    name: 'policy',
    act: (i) => {
      const radios = [...document.querySelectorAll<HTMLInputElement>('.levelling input[type=radio]')];
      radios[i % radios.length]!.click();
    },
  },
  {
    view: 'levelling',
    name: 'unit',
    act: (i) => {
      const select = [...document.querySelectorAll<HTMLSelectElement>('.levelling .controls select')].at(-1)!;
      select.selectedIndex = i % Math.min(select.options.length, 3);
      select.dispatchEvent(new Event('change', { bubbles: true }));
    },
  },
  {
    view: 'levelling',
    name: 'capacity',
    act: (i) => {
      const field = [...document.querySelectorAll<HTMLInputElement>('.levelling .controls input[type=text]')].at(-1)!;
      field.value = String(20 + (i % 4) * 10);
      field.dispatchEvent(new Event('input', { bubbles: true }));
      field.dispatchEvent(new Event('change', { bubbles: true }));
    },
  },
  {
    view: 'heatmaps',
    name: 'measure types',
    act: (i) => {
      const box = document.querySelectorAll<HTMLInputElement>('fieldset input[type=checkbox]')[i % 2]!;
      box.click();
    },
  },
  {
    view: 'flow',
    name: 'measure types',
    act: (i) => {
      const box = document.querySelectorAll<HTMLInputElement>('fieldset input[type=checkbox]')[i % 2]!;
      box.click();
    },
  },
  {
    view: 'flow',
    name: 'brush',
    act: (i) => {
      const brush = document.querySelector<SVGRectElement>('[data-testid=brush]')!;
      const box = brush.getBoundingClientRect();
      const at = (f: number) => ({ clientX: box.left + box.width * f, clientY: box.top + box.height / 2, bubbles: true, pointerId: 1, button: 0 });
      brush.dispatchEvent(new PointerEvent('pointerdown', at(0.2 + (i % 3) * 0.1)));
      brush.dispatchEvent(new PointerEvent('pointermove', at(0.6 + (i % 2) * 0.1)));
      brush.dispatchEvent(new PointerEvent('pointerup', at(0.6 + (i % 2) * 0.1)));
    },
  },
  {
    view: 'levelling',
    name: 'language',
    act: (i) => {
      const buttons = document.querySelectorAll<HTMLButtonElement>('header [role=group] button');
      buttons[(i + 1) % 2]!.click();
    },
  },
];

/** Each view, and what counts as its first chart: the board of all units is a table of them. */
const VIEWS: Record<string, string> = {
  heatmaps: 'svg.chart',
  flow: 'svg.chart',
  levelling: 'svg.chart',
  board: 'article.board-view table',
  balance: 'svg.chart',
  registration: 'svg.chart',
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
const ms = (x: number) => `${Math.round(x).toLocaleString('en-GB')} ms`;
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20).toLocaleString('en-GB')} MB`;

/** Installs the page's probes: the longest task since the last reset, and the time to a settled frame. */
async function probe(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { benchLongest: number; __name: <F>(f: F) => F };
    w.__name = (f) => f; // what tsx wraps named functions in, for the `act`s serialised into the page
    w.benchLongest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.benchLongest = Math.max(w.benchLongest, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}

/**
 * Runs `act(i)` in the page; resolves with the time to the second frame
 * after it, and to the second frame after the last DOM change it caused
 * (a quiet of `quietMs` ends the wait).
 */
async function timeInPage(page: Page, act: string, i: number, quietMs = 400): Promise<{ frame: number; drawn: number }> {
  return page.evaluate(
    async ({ act, i, quietMs }) => {
      const frames = () => new Promise<number>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now()))));
      // Each change is timed to the second frame after it: when a person sees it.
      let last = -1;
      let shown = -1;
      let drawing: Promise<unknown> = Promise.resolve();
      const seen = new MutationObserver(() => {
        last = performance.now();
        drawing = frames().then((at) => (shown = Math.max(shown, at)));
      });
      const t0 = performance.now();
      // eslint-disable-next-line no-new-func
      (new Function('i', `(${act})(i)`) as (i: number) => void)(i);
      const frame = (await frames()) - t0;
      // Watched from the control's frame on: what its frame drew is in `frame`, and an observer of every
      // attribute would add its own records to the frame it times (1–2 ms on the levelling view at 100k rows).
      seen.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
      for (;;) {
        const mark = last;
        await new Promise((r) => setTimeout(r, quietMs));
        if (last === mark) break;
      }
      await drawing; // a long task may hold the last change's frames past the quiet
      seen.disconnect();
      return { frame, drawn: Math.max(frame, shown - t0) };
    },
    { act, i, quietMs },
  );
}

function saveProfile(name: string, profile: unknown) {
  mkdirSync(PROFILE!, { recursive: true });
  writeFileSync(join(PROFILE!, `${name.replace(/\W+/g, '-')}.cpuprofile`), JSON.stringify(profile));
}

/**
 * The resident memory of the largest Chromium renderer below this process
 * (the tab: its page and its worker), in bytes; null where /proc is not.
 */
function tabMemory(): number | null {
  if (!existsSync('/proc/self/status')) return null;
  const parent = new Map<number, number>();
  const renderers: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      parent.set(Number(name), Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]));
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes('--type=renderer')) renderers.push(Number(name));
    } catch {
      // the process ended meanwhile
    }
  }
  const ours = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 10; p = parent.get(p) ?? 0, hops++) if (p === process.pid) return true;
    return false;
  };
  let largest: number | null = null;
  for (const pid of renderers.filter(ours)) {
    try {
      const kb = Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      largest = Math.max(largest ?? 0, kb * 1024);
    } catch {
      // ended meanwhile
    }
  }
  return largest;
}

async function heap(cdp: CDPSession, collect = false): Promise<number> {
  if (collect) await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
}

/** The time to the view's first chart, and how many elements the page then holds. */
async function openView(page: Page, view: string): Promise<{ ms: number; elements: number }> {
  return page.evaluate(async ({ view, chart }) => {
    const before = new Set(document.querySelectorAll(chart));
    const link = document.querySelector<HTMLAnchorElement>(`nav a[href*="view=${view}"]`)!;
    const t0 = performance.now();
    link.click();
    for (;;) {
      await new Promise((r) => requestAnimationFrame(r));
      if ([...document.querySelectorAll(chart)].some((drawn) => !before.has(drawn))) break;
      if (performance.now() - t0 > 120_000) throw new Error(`the ${view} view drew no chart in 2 minutes`);
    }
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return { ms: performance.now() - t0, elements: document.getElementsByTagName('*').length };
  }, { view, chart: VIEWS[view]! });
}

async function benchSize(page: Page, cdp: CDPSession, rows: number) {
  const file = benchExportFile(rows);
  console.log(`\n## ${rows.toLocaleString('en-GB')} rows (${file.bytes.toLocaleString('en-GB')} bytes)`);
  await page.goto(`http://localhost:${PORT}/?lang=en`);
  await page.getByRole('banner').getByRole('button', { name: 'Open file' }).waitFor();
  let peak = await heap(cdp);
  let tabPeak = tabMemory();
  const sample = () => {
    void heap(cdp).then((h) => (peak = Math.max(peak, h)), () => {});
    const tab = tabMemory();
    if (tab !== null) tabPeak = Math.max(tabPeak ?? 0, tab);
  };
  const sampler = setInterval(sample, 250);

  await page.evaluate(() => ((window as unknown as { benchLongest: number }).benchLongest = 0));
  if (PROFILE) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
  const started = performance.now();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('banner').getByRole('button', { name: 'Open file' }).click();
  await (await chooser).setFiles(resolve(file.path));
  // The demo's overview may be there too: wait for the one after the opened file's name.
  await page.waitForFunction(
    () => {
      const name = document.querySelector('[data-testid=local-file]');
      return [...document.querySelectorAll('[data-testid=fact-units]')].some((f) => name && name.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING);
    },
    null,
    { timeout: 600_000, polling: 'raf' },
  );
  const imported = performance.now() - started;
  if (PROFILE) saveProfile(`${rows}-import`, (await cdp.send('Profiler.stop')).profile);
  const longest = await page.evaluate(() => (window as unknown as { benchLongest: number }).benchLongest);
  console.log(`import: ${ms(imported)} (file chosen → overview), longest task meanwhile ${ms(longest)}`);
  if (tabPeak !== null) console.log(`tab's memory during the import: peak ${mb(tabPeak)} (the renderer's resident size)`);

  console.log('\nfirst chart of each view (click → second frame after it):');
  for (const view of Object.keys(VIEWS)) {
    if (PROFILE) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
    const opened = await openView(page, view);
    console.log(`  ${view.padEnd(13)} ${ms(opened.ms).padStart(9)}   ${opened.elements.toLocaleString('en-GB')} elements`);
    if (PROFILE) saveProfile(`${rows}-open-${view}`, (await cdp.send('Profiler.stop')).profile);
  }

  const settled = await heap(cdp, true);
  console.log(`\ncontrols (input → second frame; → drawn): median / worst of ${RUNS} (the floor of ${3 * RUNS})`);
  let current = '';
  let floor: number | null = null;
  /** Every control moved through its states; `timed`, printing each one's times. */
  const round = async (timed: boolean) => {
    for (const control of CONTROLS) {
      if (control.view !== current) {
        await openView(page, control.view);
        current = control.view;
      }
      const frame: number[] = [];
      const drawn: number[] = [];
      if (PROFILE && timed) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
      // The floor varies with where in a frame the input falls: more runs for it.
      for (let i = 0; i < (floor === null ? 3 * RUNS : RUNS); i++) {
        await page.waitForTimeout(60);
        const t = await timeInPage(page, control.act.toString(), i);
        frame.push(t.frame);
        drawn.push(t.drawn);
      }
      if (PROFILE && timed) saveProfile(`${rows}-${control.view}-${control.name}`, (await cdp.send('Profiler.stop')).profile);
      // What the control itself costs: its median over the floor's (two frames of an input that changes one character).
      if (floor === null) floor = median(frame);
      if (!timed) continue;
      console.log(
        `  ${`${control.view}: ${control.name}`.padEnd(32)} frame ${ms(median(frame)).padStart(9)} / ${ms(Math.max(...frame)).padStart(9)}   drawn ${ms(median(drawn)).padStart(9)} / ${ms(Math.max(...drawn)).padStart(9)}   over the floor ${ms(Math.max(0, median(frame) - floor)).padStart(7)}`,
      );
    }
  };
  await round(true);
  const after = await heap(cdp, true);
  // The same moves again: what the first round left that a second does not add to is what the views keep for the
  // states seen (each lead's costs, say), not garbage that grows as a person plays.
  await round(false);
  const again = await heap(cdp, true);
  clearInterval(sampler);
  console.log(`\npage heap: peak ${mb(peak)}; after collection ${mb(settled)} before the controls, ${mb(after)} after them, ${mb(again)} after the same moves again`);
  if (tabPeak !== null) console.log(`tab's memory: peak ${mb(tabPeak)} (the renderer's resident size: page and worker)`);
}

async function main() {
  // Its own process group, so stopping it stops the server npx starts too.
  const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
  try {
    for (let i = 0; ; i++) {
      if (await fetch(`http://localhost:${PORT}/`).then((r) => r.ok, () => false)) break;
      if (i > 100) throw new Error('the preview server did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Frames back to back, not at the display's rate: headless Chromium chose one or the other from run to run, and
      // at the display's rate a control's work hides in the wait for the next frame (DECISIONS 144).
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--enable-precise-memory-info', '--disable-gpu-vsync', '--disable-frame-rate-limit'],
    });
    const cpu = cpus()[0]?.model ?? 'unknown CPU';
    console.log(`machine: ${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB; ${browser.version()}`);
    for (const rows of sizes) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
      const page = await context.newPage();
      await probe(page);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      await benchSize(page, cdp, rows);
      await context.close();
    }
    await browser.close();
  } finally {
    process.kill(-server.pid!);
  }
}

await main();
