import { setupServer } from 'msw/node';
import { handlers } from './handlers.ts';

/** The export endpoint for tests in Node; add failures per test with `server.use(...)`. */
export const server = setupServer(...handlers);
