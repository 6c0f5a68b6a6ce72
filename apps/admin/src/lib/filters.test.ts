import { anyOfSelected, cleanFilter, defaultFilterFor, exportUrl, filterFor, listLink, toggleAnyOf } from './filters';

describe('filters', () => {
  it('drops empty values', () => {
    expect(cleanFilter({ q: '  ', state: [], schoolId: null, province: '江苏', batchId: 0, schoolType: ['higher_vocational'] })).toEqual({
      province: '江苏',
      batchId: 0,
      schoolType: ['higher_vocational'],
    });
    expect(cleanFilter(undefined)).toEqual({});
    expect(cleanFilter({ q: ' 智能 ' })).toEqual({ q: '智能' });
  });

  it('keeps only the keys a resource accepts', () => {
    expect(filterFor('members', { kind: ['expert'], state: 'submitted', q: 'x' })).toEqual({ kind: ['expert'], q: 'x' });
    expect(filterFor('member-applications', { seat: 'main_leader', targetGroup: [3] })).toEqual({ seat: 'main_leader', targetGroup: [3] });
    expect(filterFor('council-applications', { seat: 'main_leader' })).toEqual({});
  });

  it('builds the export URL for the current filter', () => {
    const url = exportUrl('council-applications', 'xlsx', { schoolType: ['higher_vocational'], q: '', departmentCategory: 'automation' });
    const parsed = new URL(url, 'http://x');
    expect(parsed.pathname).toBe('/api/council-applications/export');
    expect(parsed.searchParams.get('format')).toBe('xlsx');
    expect(JSON.parse(parsed.searchParams.get('filter')!)).toEqual({ schoolType: ['higher_vocational'], departmentCategory: 'automation' });
    expect(new URL(exportUrl('members', 'csv', {}), 'http://x').searchParams.get('filter')).toBe('{}');
  });

  it('toggles any-of sidebar choices', () => {
    let f: Record<string, unknown> = { q: 'x' };
    f = toggleAnyOf(f, 'state', 'submitted');
    expect(f).toEqual({ q: 'x', state: ['submitted'] });
    f = toggleAnyOf(f, 'state', 'returned');
    expect(f).toEqual({ q: 'x', state: ['submitted', 'returned'] });
    expect(anyOfSelected(f, 'state', 'returned')).toBe(true);
    f = toggleAnyOf(f, 'state', 'submitted');
    f = toggleAnyOf(f, 'state', 'returned');
    expect(f).toEqual({ q: 'x' });
    // a scalar value (e.g. from a link) counts as a one-item list; numbers match their string form
    expect(toggleAnyOf({ targetGroup: 3 }, 'targetGroup', 1)).toEqual({ targetGroup: [3, 1] });
    expect(anyOfSelected({ batchId: '2' }, 'batchId', 2)).toBe(true);
  });

  it('links to a filtered list', () => {
    const link = listLink('member-applications', { state: ['school_approved'] });
    expect(link.startsWith('/member-applications?filter=')).toBe(true);
    expect(JSON.parse(new URLSearchParams(link.split('?')[1]).get('filter')!)).toEqual({ state: ['school_approved'] });
  });

  it('opens the school queue on submitted applications', () => {
    expect(defaultFilterFor(['school_admin'])).toEqual({ state: 'submitted' });
    expect(defaultFilterFor(['lead'])).toEqual({});
  });
});
