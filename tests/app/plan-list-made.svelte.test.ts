// @vitest-environment jsdom
import { render } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import PlanList from '../../src/app/pages/levelling/PlanList.svelte';
import { deriveExport } from '../../src/domain/analyze.ts';
import { generateRows, exportText } from '../../src/domain/generate/index.ts';
import * as levelling from '../../src/domain/levelling/index.ts';

// The list's component reads the domain's `planList` through the levelling index: counted here.
vi.mock('../../src/domain/levelling/index.ts', async (actual) => {
  const real = await actual<typeof import('../../src/domain/levelling/index.ts')>();
  return { ...real, planList: vi.fn(real.planList) };
});

const { analysis, prepared } = deriveExport(exportText(generateRows({ seed: 2026, measures: 400 }), 'canonical'));

describe("the plan's list", () => {
  it('is made again for a new plan, not for a new analysis of the same as-of date (a catch-up move gives one)', () => {
    const sim = levelling.simulate(prepared, { lead: 4, catchUp: 8, capacity: null, policy: 'level', unit: null });
    const props = $state({ analysis, sim });
    render(PlanList, {
      props: {
        get sim() {
          return props.sim;
        },
        get asOf() {
          return props.analysis.asOf;
        },
        weeks: 4,
        onweeks: () => {},
      },
    });
    const made = vi.mocked(levelling.planList);
    expect(made).toHaveBeenCalledTimes(1);
    props.analysis = { ...analysis };
    flushSync();
    expect(made).toHaveBeenCalledTimes(1);
    props.sim = levelling.simulate(prepared, { lead: 6, catchUp: 8, capacity: null, policy: 'level', unit: null });
    flushSync();
    expect(made).toHaveBeenCalledTimes(2);
  });
});
