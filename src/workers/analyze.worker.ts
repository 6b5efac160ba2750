/// <reference lib="webworker" />
import { figuresOf, UnreadableExportError } from '../domain/analyze.ts';
import type { AnalyzeRequest, AnalyzeResponse } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: AnalyzeResponse): void => scope.postMessage(message);

/** Fewer messages than the pipeline reports: the bar has no use for finer steps. */
const STEP = 0.01;

scope.onmessage = ({ data }: MessageEvent<AnalyzeRequest>) => {
  let last = { stage: '', fraction: -1 };
  try {
    const figures = figuresOf(data.input, {
      ...data.options,
      onProgress(stage, fraction) {
        if (stage === last.stage && fraction - last.fraction < STEP) return;
        last = { stage, fraction };
        post({ type: 'progress', stage, fraction });
      },
    });
    post({ type: 'result', figures });
  } catch (error) {
    post({
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
      unreadable: error instanceof UnreadableExportError,
    });
  }
};
