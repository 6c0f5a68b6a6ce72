import { DEPARTMENT_CATEGORY, SCHOOL_TYPE, STATES, codesOf } from '@alliance/domain';
import type { StatsPayload } from '../data/dataProvider';
import { categoryRows, normalizeWaiting, provinceRows, schoolTypeRows, stateRows, waitingStatesFor } from './stats';

const stats: StatsPayload = {
  byState: [
    { kind: 'council', state: 'submitted', count: 3 },
    { kind: 'member', state: 'submitted', count: 5 },
    { kind: 'member', state: 'admitted', count: 2 },
  ],
  bySchoolType: [{ schoolType: 'higher_vocational', count: 4 }, { schoolType: 'mystery', count: 1 }],
  byDepartmentCategory: [{ category: 'automation', count: 2 }],
  byProvince: [{ province: '江苏', count: 3 }, { province: '浙江', count: 5 }, { province: null, count: 1 }, { province: '广东', count: 0 }],
  waitingForMe: 4,
};

describe('dashboard rows', () => {
  it('counts by state in the workflow order, split by kind', () => {
    const rows = stateRows(stats.byState);
    expect(rows.map((r) => r.code)).toEqual(STATES);
    expect(rows.find((r) => r.code === 'submitted')).toEqual({ code: 'submitted', council: 3, member: 5, total: 8 });
    expect(rows.find((r) => r.code === 'draft')?.total).toBe(0);
  });

  it('keeps the order of the code tables, zeros included, unknown codes last', () => {
    const rows = schoolTypeRows(stats);
    expect(rows.map((r) => r.code)).toEqual([...codesOf(SCHOOL_TYPE), 'mystery']);
    expect(rows[1]).toEqual({ code: 'higher_vocational', count: 4 });
    expect(categoryRows(stats)).toHaveLength(codesOf(DEPARTMENT_CATEGORY).length);
  });

  it('sorts provinces by count and keeps "not given"', () => {
    expect(provinceRows(stats)).toEqual([
      { code: '浙江', count: 5 },
      { code: '江苏', count: 3 },
      { code: '', count: 1 },
    ]);
  });

  it('reads waitingForMe as a number, an object or a list', () => {
    expect(normalizeWaiting(4)).toEqual({ total: 4, byKind: {} });
    expect(normalizeWaiting({ council: 1, member: 2 })).toEqual({ total: 3, byKind: { council: 1, member: 2 } });
    expect(normalizeWaiting({ total: 9 })).toEqual({ total: 9, byKind: {} });
    expect(normalizeWaiting([{ kind: 'member', state: 'submitted', count: 2 }, { kind: 'council', count: 1 }])).toEqual({
      total: 3,
      byKind: { member: 2, council: 1 },
    });
    expect(normalizeWaiting(undefined)).toEqual({ total: 0, byKind: {} });
  });

  it('knows which states wait for each reviewer, from the workflow table', () => {
    expect(waitingStatesFor(['school_admin'])).toEqual(['submitted']);
    expect(waitingStatesFor(['center_reviewer'])).toEqual(['school_approved']);
    expect(waitingStatesFor(['lead'])).toEqual(['school_approved', 'center_reviewed']);
    expect(waitingStatesFor(['coordinator'])).toEqual([]);
    expect(waitingStatesFor(['applicant'])).toEqual([]);
  });
});
