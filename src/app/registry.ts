import type { Param } from './state/address.ts';
import { app } from './state/params.ts';
import { workload } from './pages/heatmaps/params.ts';
import { flow } from './pages/flow/params.ts';
import { levelling } from './pages/levelling/params.ts';
import { registration } from './pages/registration/params.ts';
import { balance } from './pages/balance/params.ts';
import { board } from './pages/board/params.ts';
import { teaching } from './pages/teaching/params.ts';

/** Every parameter the address can hold, of the app and of each view; no two share a key. */
export const REGISTRY: readonly Param<unknown>[] = [app, workload, flow, levelling, board, registration, balance, teaching].flatMap((params) => Object.values(params));
