import { parseArgs } from 'node:util';
import { CURRENT_MODEL_VERSION, SCORING_MODELS } from '../../scoring';
import type { RescoreSummary } from './rescore';

/** The pure parts of `npm run rescore`: reading its command line, and what its summary prints and exits with. */

export const RESCORE_USAGE = `usage: npm run rescore -- --model <version> [--batch <size>]
  --model  scoring model version (default ${CURRENT_MODEL_VERSION}); known: ${Object.keys(SCORING_MODELS).join(', ')}
  --batch  snapshots per transaction, 1-10000 (default 500)`;

export type RescoreCommand = { help: true } | { help: false; modelVersion: string; batchSize: number };

/** Reads the arguments after `npm run rescore --`; throws an Error (with the usage) for bad input. */
export function parseRescoreArgs(args: string[]): RescoreCommand {
  const { values } = parseArgs({
    args,
    options: {
      model: { type: 'string', default: CURRENT_MODEL_VERSION },
      batch: { type: 'string', default: '500' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return { help: true };
  const batchSize = Number(values.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
    throw new Error(`--batch must be an integer from 1 to 10000\n${RESCORE_USAGE}`);
  }
  if (!Object.hasOwn(SCORING_MODELS, values.model)) {
    throw new Error(`unknown model version "${values.model}"\n${RESCORE_USAGE}`);
  }
  return { help: false, modelVersion: values.model, batchSize };
}

/** The summary line printed at the end of a run. */
export function summaryLine(summary: RescoreSummary, seconds: number): string {
  return (
    `${summary.modelVersion}: ${summary.scored} scored, ${summary.failed} failed, of ${summary.total} pending, in ${seconds.toFixed(1)}s` +
    (summary.interrupted ? ' (interrupted: run again to resume)' : '')
  );
}

/** Exit codes: 0 done, 2 done but some snapshots could not be scored, 130 interrupted (1, an error, is the caller's). */
export function exitCodeOf(summary: Pick<RescoreSummary, 'interrupted' | 'failed'>): number {
  if (summary.interrupted) return 130;
  return summary.failed > 0 ? 2 : 0;
}
