import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/errors';
import { failedItems, runBulk, summarizeBulk, type BulkOutcome } from './bulk';

describe('bulk runs', () => {
  it('runs every item, at most `concurrency` at once, and records each outcome', async () => {
    let running = 0;
    let peak = 0;
    const items = Array.from({ length: 7 }, (_, i) => ({ id: `s${i}`, name: `web-${i}` }));
    const outcomes = await runBulk(
      items,
      async (item) => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        if (item.id === 's3') throw new ApiError({ status: 409, code: 'conflictingRequest', message: 'Instance s3 is locked', requestId: 'req-3' });
      },
      { concurrency: 3 },
    );
    expect(peak).toBeLessThanOrEqual(3);
    expect(outcomes.map((o) => o.state)).toEqual(['done', 'done', 'done', 'failed', 'done', 'done', 'done']);
    expect(outcomes[3]).toEqual({ id: 's3', name: 'web-3', state: 'failed', message: 'Instance s3 is locked', status: 409, requestId: 'req-3' });
    expect(failedItems(outcomes)).toEqual([{ id: 's3', name: 'web-3' }]);
  });

  it('summarises "7 of 9: 2 skipped, locked"', () => {
    const outcomes: BulkOutcome[] = [
      ...Array.from({ length: 6 }, (_, i): BulkOutcome => ({ id: `d${i}`, name: '', state: 'done' })),
      { id: 'f', name: '', state: 'failed', message: 'x' },
      { id: 'k1', name: '', state: 'skipped', reason: 'locked' },
      { id: 'k2', name: '', state: 'skipped', reason: 'locked' },
    ];
    expect(summarizeBulk(outcomes)).toEqual({ total: 9, eligible: 7, done: 6, failed: 1, unknown: 0, skipped: 2, skippedBy: { locked: 2 } });
  });

  it('tells a lost answer from a failure, and never runs it again', async () => {
    const outcomes = await runBulk([{ id: 'u', name: 'web-u' }, { id: 'f', name: 'web-f' }], async (item) => {
      if (item.id === 'u') throw new ApiError({ status: 504, code: 'outcome_unknown', message: 'did not answer in time', method: 'POST' });
      throw new ApiError({ status: 409, code: 'conflictingRequest', message: 'locked', method: 'POST' });
    });
    expect(outcomes[0]).toEqual({ id: 'u', name: 'web-u', state: 'unknown', requestId: undefined });
    expect(summarizeBulk(outcomes)).toMatchObject({ done: 0, failed: 1, unknown: 1 });
    expect(failedItems(outcomes)).toEqual([{ id: 'f', name: 'web-f' }]);
  });
});
