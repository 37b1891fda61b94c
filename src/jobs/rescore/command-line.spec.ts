import { CURRENT_MODEL_VERSION } from '../../scoring';
import { exitCodeOf, parseRescoreArgs, summaryLine } from './command-line';

describe('npm run rescore: command line', () => {
  it('defaults to the current model in batches of 500', () => {
    expect(parseRescoreArgs([])).toEqual({ help: false, modelVersion: CURRENT_MODEL_VERSION, batchSize: 500 });
    expect(parseRescoreArgs(['--batch', '10000', '--model', CURRENT_MODEL_VERSION])).toEqual({
      help: false,
      modelVersion: CURRENT_MODEL_VERSION,
      batchSize: 10_000,
    });
    expect(parseRescoreArgs(['-h'])).toEqual({ help: true });
  });

  it('refuses a batch outside 1-10000 and an unknown model, with the usage', () => {
    for (const batch of ['0', '10001', '2.5', 'many'])
      expect(() => parseRescoreArgs(['--batch', batch])).toThrow(/--batch must be an integer from 1 to 10000\nusage:/);
    expect(() => parseRescoreArgs(['--model', 'social-maturity/v0'])).toThrow(
      /unknown model version "social-maturity\/v0"\nusage:/,
    );
    expect(() => parseRescoreArgs(['--colour'])).toThrow();
  });

  it('prints one summary line and exits 0, 2 with failures, 130 when interrupted', () => {
    const summary = { modelVersion: 'm/v1', total: 7, scored: 5, failed: 2, interrupted: false, failures: [] };
    expect(summaryLine(summary, 1.234)).toBe('m/v1: 5 scored, 2 failed, of 7 pending, in 1.2s');
    expect(summaryLine({ ...summary, interrupted: true }, 0)).toBe(
      'm/v1: 5 scored, 2 failed, of 7 pending, in 0.0s (interrupted: run again to resume)',
    );
    expect(exitCodeOf({ interrupted: false, failed: 0 })).toBe(0);
    expect(exitCodeOf({ interrupted: false, failed: 2 })).toBe(2);
    expect(exitCodeOf({ interrupted: true, failed: 2 })).toBe(130);
  });
});
