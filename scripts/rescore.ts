/**
 * Rescores every stored assessment snapshot under a scoring model version, into assessment_scores.
 *
 *   npm run rescore -- --model social-maturity/v1 [--batch 500]
 *
 * An operator tool: it works across all tenants, so it connects with the admin connection (DATABASE_URL, or the
 * embedded PostgreSQL when DATABASE_URL is not set, exactly like the service) acting as the owner role, never
 * through the API. Assessments are never changed; earlier results are kept. Ctrl-C stops after the batch in
 * flight (a second Ctrl-C stops at once; the open batch rolls back); running it again resumes, skipping every
 * snapshot that already has a result for that version.
 *
 * Exit codes: 0 done, 1 error, 2 done but some snapshots could not be scored, 130 interrupted.
 */
import 'reflect-metadata';
import { Presets, SingleBar } from 'cli-progress';
import { Pool } from 'pg';
import { exitCodeOf, parseRescoreArgs, RESCORE_USAGE, summaryLine } from '../src/jobs/rescore/command-line';
import { rescoreAll, type RescoreProgress } from '../src/jobs/rescore/rescore';
import { loadConfig } from '../src/config/config';
import { prepareDatabase } from '../src/database/prepare';
import { OWNER_ROLE } from '../src/database/roles';

async function main(): Promise<number> {
  const command = parseRescoreArgs(process.argv.slice(2));
  if (command.help) {
    console.log(RESCORE_USAGE);
    return 0;
  }
  const { modelVersion, batchSize } = command;
  const config = loadConfig();
  const db = await prepareDatabase(config, (line) => console.error(line));
  const pool = new Pool({ connectionString: db.adminUrl, max: 1, options: `-c role=${OWNER_ROLE}` });
  const stop = new AbortController();
  let signals = 0;
  const onSigint = () => {
    signals += 1;
    if (signals > 1) {
      console.error('\nstopping now; the batch in flight rolls back');
      void within(3000, db.close()).finally(() => process.exit(130));
      return;
    }
    console.error('\nstopping after the batch in flight (Ctrl-C again to stop at once)');
    stop.abort();
  };
  // Without DATABASE_URL, the embedded server's library stops the server and exits on the first SIGINT; this tool
  // takes SIGINT over so that the batch in flight can commit, and stops the server itself at the end. (A terminal's
  // Ctrl-C also reaches the embedded server process, which then shuts down at once: the batch in flight rolls back
  // and the next run does it again.)
  process.removeAllListeners('SIGINT');
  process.on('SIGINT', onSigint);
  pool.on('error', () => undefined); // a lost connection also fails the query in flight, reported below

  // Drawn on a terminal; in a log (no TTY) printed every few seconds instead.
  const bar = new SingleBar(
    {
      format:
        'rescoring {bar} {percentage}% | {value}/{total} | {rate}/s | failed {failed} | ETA {eta_formatted}',
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 5000,
    },
    Presets.shades_classic,
  );
  const started = Date.now();
  let barStarted = false;
  const onProgress = ({ total, scored, failed }: RescoreProgress) => {
    const done = scored + failed;
    const rate = (done / Math.max((Date.now() - started) / 1000, 0.001)).toFixed(1);
    if (!barStarted) {
      bar.start(total, done, { rate, failed });
      barStarted = true;
    } else {
      bar.update(done, { rate, failed });
    }
  };
  try {
    const summary = await rescoreAll(pool, modelVersion, { batchSize, onProgress, signal: stop.signal });
    if (barStarted) bar.stop();
    console.log(summaryLine(summary, (Date.now() - started) / 1000));
    for (const f of summary.failures)
      console.error(`  could not score ${f.tenantId}/${f.assessmentId}: ${f.error}`);
    return exitCodeOf(summary);
  } catch (error) {
    if (!stop.signal.aborted) throw error;
    if (barStarted) bar.stop();
    console.error('interrupted: the batch in flight was rolled back; run again to resume');
    return 130;
  } finally {
    if (barStarted) bar.stop();
    process.off('SIGINT', onSigint);
    await pool.end();
    // The embedded server may already have stopped on a terminal's Ctrl-C; then its stop() never returns.
    await within(5000, db.close());
  }
}

/** Waits for `work`, but no longer than `ms`. */
async function within(ms: number, work: Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
