import { toPayload } from './payload';

describe('toPayload', () => {
  it('sends only the writable fields of a council application, and keeps department ids', () => {
    const record = {
      id: 5, state: 'draft', findings: [], allowedActions: ['submit'], quota: {}, school: { name: 'X' }, attachments: [],
      createdAt: 'x', batchId: 1, schoolId: 7, equipmentMajorShare5yPct: 42.5,
      representative: { name: 'A', position: 'B', phone: 'C', email: 'a@b.cn' },
      departments: [{ id: 12, name: '智能制造学院', category: 'intelligent_manufacturing', strongMajors: ['x'], councilApplicationId: 5 }],
      suggestions: '',
    };
    expect(toPayload('council-applications', record)).toEqual({
      batchId: 1, schoolId: 7, equipmentMajorShare5yPct: 42.5,
      representative: { name: 'A', position: 'B', phone: 'C', email: 'a@b.cn' },
      departments: [{ id: 12, name: '智能制造学院', category: 'intelligent_manufacturing', strongMajors: ['x'] }],
      suggestions: '',
    });
  });

  it('sends the member form without the representation’s extras', () => {
    const out = toPayload('member-applications', {
      id: 3, departmentId: 12, seat: 'program_leader', targetGroup: 1, name: '李四', department: { id: 12 }, quota: {}, lastComment: 'x',
    });
    expect(out).toEqual({ departmentId: 12, seat: 'program_leader', targetGroup: 1, name: '李四' });
  });

  it('creates a user with an email, updates one without (the API’s update schema has none)', () => {
    expect(toPayload('users', { email: 'a@b.cn', name: 'A', password: 'secret123', roles: ['applicant'], schoolId: 7, active: true }, 'create')).toEqual({
      email: 'a@b.cn', name: 'A', password: 'secret123', roles: ['applicant'], schoolId: 7,
    });
    expect(toPayload('users', { id: 1, email: 'a@b.cn', name: 'A', password: '', roles: ['lead'], schoolId: 7, active: false, createdAt: 'x' }, 'update')).toEqual({
      name: 'A', roles: ['lead'], schoolId: null, active: false,
    });
  });

  it('sends an invitation’s organization', () => {
    expect(toPayload('invitations', { email: 'a@b.cn', name: 'A', role: 'expert', duty: 'supervise', organization: '某大学', id: 3 })).toEqual({
      email: 'a@b.cn', name: 'A', role: 'expert', duty: 'supervise', organization: '某大学',
    });
  });

  it('drops the duty of an invitation that is not for an expert', () => {
    expect(toPayload('invitations', { email: 'a@b.cn', name: 'A', role: 'coordinator', duty: 'organize' })).toMatchObject({ duty: null });
    expect(toPayload('invitations', { email: 'a@b.cn', name: 'A', role: 'expert', duty: 'organize' })).toMatchObject({ duty: 'organize' });
  });

  it('passes other resources through', () => {
    expect(toPayload('whatever', { a: 1 })).toEqual({ a: 1 });
  });
});
