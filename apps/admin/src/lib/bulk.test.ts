import { eligibleIds, summarizeBulk } from './bulk';

describe('bulk actions', () => {
  const records = [
    { id: 1, allowedActions: ['center_approve', 'return', 'reject'] },
    { id: 2, allowedActions: ['admit', 'return', 'reject'] },
    { id: 3, allowedActions: [] },
  ];

  it('acts only on selected rows whose record allows the action', () => {
    expect(eligibleIds([1, 2, 3], records, 'center_approve')).toEqual([1]);
    expect(eligibleIds([1, 2, 3], records, 'return')).toEqual([1, 2]);
    expect(eligibleIds(['2'], records, 'admit')).toEqual(['2']);
    // selected on another page: unknown here, so skipped
    expect(eligibleIds([99], records, 'return')).toEqual([]);
  });

  it('summarizes the outcome', () => {
    expect(summarizeBulk({ succeeded: [1, 2], failed: [] })).toEqual({ key: 'app.bulk.done', succeeded: 2, failed: 0 });
    expect(summarizeBulk({ succeeded: [1], failed: [{ id: 2, error: null }] }).key).toBe('app.bulk.partly_done');
    expect(summarizeBulk({ succeeded: [], failed: [{ id: 2, error: null }] }).key).toBe('app.bulk.all_failed');
  });
});
