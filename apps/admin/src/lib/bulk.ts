import type { Action } from '@alliance/domain';
import { recordAllows } from '../auth/access';
import type { BulkResult } from '../data/dataProvider';

type Id = string | number;

/** The selected ids whose record (on the current page) allows the action now. */
export function eligibleIds(selectedIds: readonly Id[], records: readonly { id: Id }[], action: Action): Id[] {
  const byId = new Map(records.map((r) => [String(r.id), r]));
  return selectedIds.filter((id) => recordAllows(byId.get(String(id)), action));
}

/** The notification of a bulk action: which message, and the counts it shows. */
export function summarizeBulk(result: BulkResult): { key: string; succeeded: number; failed: number } {
  const succeeded = result.succeeded.length;
  const failed = result.failed.length;
  const key = failed === 0 ? 'app.bulk.done' : succeeded === 0 ? 'app.bulk.all_failed' : 'app.bulk.partly_done';
  return { key, succeeded, failed };
}
