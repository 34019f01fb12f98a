/**
 * Running one operation over a selection of servers: only on the eligible part, a few calls
 * at a time, and an outcome per server (with the API's message) so failures can be retried.
 */
import { isApiError, isOutcomeUnknown } from '../../../lib/errors';
import type { BlockReason } from '../lifecycle';

export type BulkOutcome =
  | { id: string; name: string; state: 'done' }
  | { id: string; name: string; state: 'failed'; message: string; status?: number; requestId?: string }
  /** Sent, but the answer was lost: re-read, never sent again by "retry the failed ones". */
  | { id: string; name: string; state: 'unknown'; requestId?: string }
  | { id: string; name: string; state: 'skipped'; reason: BlockReason };

export interface BulkItem {
  id: string;
  name: string;
}

function failure(item: BulkItem, error: unknown): BulkOutcome {
  if (isOutcomeUnknown(error)) return { ...item, state: 'unknown', requestId: isApiError(error) ? error.requestId : undefined };
  if (isApiError(error)) {
    return { ...item, state: 'failed', message: error.message, status: error.status, requestId: error.requestId };
  }
  return { ...item, state: 'failed', message: error instanceof Error ? error.message : String(error) };
}

/**
 * Calls `run` for every item, at most `concurrency` at once, and never rejects: each item
 * ends `done` or `failed`. `onProgress` sees the outcomes as they come.
 */
export async function runBulk(
  items: readonly BulkItem[],
  run: (item: BulkItem) => Promise<unknown>,
  { concurrency = 4, onProgress }: { concurrency?: number; onProgress?: (outcome: BulkOutcome) => void } = {},
): Promise<BulkOutcome[]> {
  const outcomes: BulkOutcome[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      const item = items[index];
      let outcome: BulkOutcome;
      try {
        await run(item);
        outcome = { ...item, state: 'done' };
      } catch (error) {
        outcome = failure(item, error);
      }
      outcomes[index] = outcome;
      onProgress?.(outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return outcomes;
}

export interface BulkSummary {
  total: number;
  eligible: number;
  done: number;
  failed: number;
  unknown: number;
  skipped: number;
  /** Skipped servers counted by reason: { locked: 2 }. */
  skippedBy: Partial<Record<BlockReason, number>>;
}

export function summarizeBulk(outcomes: readonly BulkOutcome[]): BulkSummary {
  const summary: BulkSummary = { total: outcomes.length, eligible: 0, done: 0, failed: 0, unknown: 0, skipped: 0, skippedBy: {} };
  for (const outcome of outcomes) {
    if (outcome.state === 'skipped') {
      summary.skipped += 1;
      summary.skippedBy[outcome.reason] = (summary.skippedBy[outcome.reason] ?? 0) + 1;
      continue;
    }
    summary.eligible += 1;
    if (outcome.state === 'done') summary.done += 1;
    else if (outcome.state === 'unknown') summary.unknown += 1;
    else summary.failed += 1;
  }
  return summary;
}

/** The failed items of a run, to run again (not those whose outcome is unknown: they may have been applied). */
export const failedItems = (outcomes: readonly BulkOutcome[]): BulkItem[] =>
  outcomes.filter((outcome) => outcome.state === 'failed').map(({ id, name }) => ({ id, name }));
