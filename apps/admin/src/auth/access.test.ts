import type { Role } from '@alliance/domain';
import {
  ACCESS, ALL_ROLES, bulkActionsFor, canAccessWith, homeFor, listModeFor, menuFor, recordAllows,
} from './access';

const can = (roles: Role[], action: string, resource: string, record?: Record<string, unknown>) =>
  canAccessWith(roles, { action, resource, record });

describe('canAccess mirrors the roles of DOMAIN.md', () => {
  it('refuses everything without roles', () => {
    expect(can([], 'list', 'batches')).toBe(false);
    expect(canAccessWith(undefined, { action: 'list', resource: 'batches' })).toBe(false);
  });

  it('lets applicants create and edit their applications only in draft or returned', () => {
    expect(can(['applicant'], 'create', 'council-applications')).toBe(true);
    expect(can(['applicant'], 'edit', 'member-applications', { state: 'draft' })).toBe(true);
    expect(can(['applicant'], 'edit', 'member-applications', { state: 'returned' })).toBe(true);
    expect(can(['applicant'], 'edit', 'member-applications', { state: 'submitted' })).toBe(false);
    expect(can(['applicant'], 'upload', 'council-applications', { state: 'admitted' })).toBe(false);
    expect(can(['applicant'], 'list', 'members')).toBe(false);
    expect(can(['applicant'], 'export', 'council-applications')).toBe(false);
  });

  it('gives nobody else the edit form of an application', () => {
    for (const role of ['school_admin', 'center_reviewer', 'coordinator', 'lead'] as Role[]) {
      expect(can([role], 'edit', 'council-applications', { state: 'draft' })).toBe(false);
      expect(can([role], 'create', 'member-applications')).toBe(false);
      expect(can([role], 'show', 'council-applications')).toBe(true);
    }
  });

  it('lets coordinators and the lead export and read the roster', () => {
    for (const resource of ['council-applications', 'member-applications', 'members']) {
      expect(can(['coordinator'], 'export', resource)).toBe(true);
      expect(can(['lead'], 'export', resource)).toBe(true);
      expect(can(['center_reviewer'], 'export', resource)).toBe(false);
    }
  });

  it('keeps batches, users, audit log and quota exceptions to the lead', () => {
    expect(can(['lead'], 'create', 'batches')).toBe(true);
    expect(can(['center_reviewer'], 'create', 'batches')).toBe(false);
    expect(can(['applicant'], 'list', 'batches')).toBe(true);
    expect(can(['lead'], 'delete', 'users')).toBe(true);
    expect(can(['coordinator'], 'list', 'users')).toBe(false);
    expect(can(['lead'], 'list', 'audit-events')).toBe(true);
    expect(can(['center_reviewer'], 'list', 'audit-events')).toBe(false);
    expect(can(['lead'], 'quota_exception', 'member-applications')).toBe(true);
    expect(can(['center_reviewer'], 'quota_exception', 'member-applications')).toBe(false);
  });

  it('keeps invitations to the lead (the API lists them to the lead only)', () => {
    expect(can(['lead'], 'create', 'invitations')).toBe(true);
    expect(can(['lead'], 'revoke', 'invitations')).toBe(true);
    expect(can(['coordinator'], 'list', 'invitations')).toBe(false);
    expect(can(['coordinator'], 'resend', 'invitations')).toBe(false);
  });

  it('shows the mail log to the staff; the center and the lead may resend', () => {
    expect(can(['center_reviewer'], 'resend', 'emails')).toBe(true);
    expect(can(['coordinator'], 'list', 'emails')).toBe(true);
    expect(can(['coordinator'], 'resend', 'emails')).toBe(false);
    expect(can(['school_admin'], 'list', 'emails')).toBe(false);
  });

  it('lets the center read the roster, without exporting it', () => {
    expect(can(['center_reviewer'], 'list', 'members')).toBe(true);
    expect(can(['center_reviewer'], 'export', 'members')).toBe(false);
  });

  it('lets an applicant delete only a draft that was never submitted', () => {
    expect(can(['applicant'], 'delete', 'council-applications', { state: 'draft', submittedAt: null })).toBe(true);
    expect(can(['applicant'], 'delete', 'council-applications', { state: 'draft', submittedAt: '2024-04-01T00:00:00Z' })).toBe(false);
    expect(can(['applicant'], 'delete', 'council-applications', { state: 'returned', submittedAt: null })).toBe(false);
    expect(can(['applicant'], 'delete', 'council-applications')).toBe(false);
    expect(can(['lead'], 'delete', 'council-applications', { state: 'draft' })).toBe(false);
  });

  it('gives an invited expert no workflow pages', () => {
    expect(can(['expert'], 'list', 'council-applications')).toBe(false);
    expect(can(['expert'], 'list', 'members')).toBe(false);
  });

  it('unions the rights of several roles', () => {
    expect(can(['applicant', 'coordinator'], 'export', 'members')).toBe(true);
  });

  it('denies unknown resources and actions', () => {
    expect(can(['lead'], 'list', 'nonsense')).toBe(false);
    expect(can(['lead'], 'fly', 'batches')).toBe(false);
  });
});

describe('record actions', () => {
  it('shows an action only when the server allows it now', () => {
    expect(recordAllows({ allowedActions: ['submit', 'withdraw'] }, 'submit')).toBe(true);
    expect(recordAllows({ allowedActions: ['withdraw'] }, 'submit')).toBe(false);
    expect(recordAllows({}, 'submit')).toBe(false);
    expect(recordAllows(undefined, 'submit')).toBe(false);
  });
});

describe('list modes, bulk actions and menus', () => {
  it('picks the most capable role for the lists', () => {
    expect(listModeFor(['applicant'])).toBe('applicant');
    expect(listModeFor(['school_admin'])).toBe('school_queue');
    expect(listModeFor(['coordinator'])).toBe('readonly');
    expect(listModeFor(['center_reviewer'])).toBe('review');
    expect(listModeFor(['coordinator', 'lead'])).toBe('review');
    expect(listModeFor(['expert'])).toBe('none');
  });

  it('offers bulk approve to schools, and approve/return/reject to the center and the lead', () => {
    expect(bulkActionsFor(['school_admin'])).toEqual(['school_approve']);
    expect(bulkActionsFor(['center_reviewer'])).toEqual(['center_approve', 'return', 'reject']);
    expect(bulkActionsFor(['lead'])).toEqual(['center_approve', 'admit', 'return', 'reject']);
    expect(bulkActionsFor(['coordinator'])).toEqual([]);
    expect(bulkActionsFor(['applicant'])).toEqual([]);
  });

  it('builds each role’s menu, in order, always with the profile', () => {
    expect(menuFor(['applicant'])).toEqual(['my-applications', 'council-applications', 'member-applications', 'profile']);
    expect(menuFor(['expert'])).toEqual(['dashboard', 'profile']);
    expect(menuFor(['coordinator'])).toEqual([
      'dashboard', 'council-applications', 'member-applications', 'members', 'emails', 'profile',
    ]);
    expect(menuFor(['lead'])).toContain('invitations');
    expect(menuFor(['lead'])).toContain('queues');
    expect(menuFor(['coordinator'])).not.toContain('queues');
    expect(menuFor(['lead'])).toContain('audit-events');
    expect(menuFor(undefined)).toEqual(['profile']);
  });

  it('only lists resources in a menu that the role may list', () => {
    for (const role of ALL_ROLES) {
      for (const key of menuFor([role])) {
        if (key in ACCESS) expect({ role, key, ok: can([role], 'list', key) }).toEqual({ role, key, ok: true });
      }
    }
  });

  it('sends applicants home to their applications', () => {
    expect(homeFor(['applicant'])).toBe('my-applications');
    expect(homeFor(['lead'])).toBe('dashboard');
  });
});
