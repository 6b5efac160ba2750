/**
 * The command line: `sagsflow analyze | audit | audit-result | balance | generate | demo`.
 *
 * Exit codes: 0 done; 2 the call or the file was wrong (one line on
 * stderr says what); 1 anything else, which is a bug.
 */
import { ANALYZE_USAGE, runAnalyze } from './analyze.ts';
import { AUDIT_RESULT_USAGE, AUDIT_USAGE, runAudit, runAuditResult } from './audit.ts';
import { BALANCE_USAGE, runBalance } from './balance.ts';
import { DEMO_USAGE, runDemo } from './demo.ts';
import { oneLine, UsageError } from './errors.ts';
import { GENERATE_USAGE, runGenerate } from './generate.ts';

const USAGE = ['usage:', `  ${ANALYZE_USAGE}`, `  ${AUDIT_USAGE}`, `  ${AUDIT_RESULT_USAGE}`, `  ${BALANCE_USAGE}`, `  ${GENERATE_USAGE}`, `  ${DEMO_USAGE}`].join('\n');
const COMMANDS = 'use analyze, audit, audit-result, balance, generate or demo; --help for usage';

async function run(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  switch (command) {
    case 'analyze':
      process.stdout.write(runAnalyze(args));
      return;
    case 'audit':
      process.stdout.write(runAudit(args));
      return;
    case 'audit-result':
      process.stdout.write(runAuditResult(args));
      return;
    case 'balance':
      process.stdout.write(await runBalance(args));
      return;
    case 'generate': {
      const bytes = runGenerate(args);
      if (bytes) process.stdout.write(bytes);
      return;
    }
    case 'demo':
      runDemo(args);
      return;
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE + '\n');
      return;
    default:
      throw new UsageError(
        command === undefined ? `no command (${COMMANDS})` : `unknown command "${command}" (${COMMANDS})`,
      );
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  // parseArgs reports unknown or incomplete flags with a code ERR_PARSE_ARGS_*.
  const usage = error instanceof UsageError || String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');
  process.stderr.write(`sagsflow: ${oneLine(error instanceof Error ? error.message : String(error))}\n`);
  process.exitCode = usage ? 2 : 1;
});
