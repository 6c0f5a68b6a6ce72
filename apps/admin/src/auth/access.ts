import {
  ACTIONS, ROLE, STAFF_ROLES, codesOf, isEditable, type Action, type ApplicationState, type Role,
} from '@alliance/domain';

/**
 * Who may do what in the console. It mirrors the server's role checks (DOMAIN.md, API.md) so
 * that nobody is shown a page or a button that the API would refuse; the API still decides.
 */

export const ALL_ROLES: readonly Role[] = codesOf(ROLE);
/** Roles that take part in the application workflow (everyone but invited experts). */
export const WORKFLOW_ROLES: readonly Role[] = ALL_ROLES.filter((r) => r !== 'expert');
const EXPORTERS: readonly Role[] = ['coordinator', 'lead'];
const LEAD: readonly Role[] = ['lead'];
const ROSTER_READERS: readonly Role[] = ['center_reviewer', 'coordinator', 'lead'];

export const APPLICATION_RESOURCES = ['council-applications', 'member-applications'] as const;
export type ApplicationResource = (typeof APPLICATION_RESOURCES)[number];
export const isApplicationResource = (resource: string | undefined): resource is ApplicationResource =>
  (APPLICATION_RESOURCES as readonly string[]).includes(resource ?? '');

const applicationAccess: Record<string, readonly Role[]> = {
  list: WORKFLOW_ROLES,
  show: WORKFLOW_ROLES,
  print: WORKFLOW_ROLES,
  create: ['applicant'],
  edit: ['applicant'],
  delete: ['applicant'],
  upload: ['applicant'],
  transition: WORKFLOW_ROLES,
  export: EXPORTERS,
  quota_exception: LEAD,
};

/** resource → action → roles. Actions are react-admin's (list, show, create, edit, delete, export) plus ours. */
export const ACCESS: Readonly<Record<string, Readonly<Record<string, readonly Role[]>>>> = {
  'council-applications': applicationAccess,
  'member-applications': applicationAccess,
  members: { list: ROSTER_READERS, show: ROSTER_READERS, export: EXPORTERS },
  invitations: { list: LEAD, show: LEAD, create: LEAD, resend: LEAD, revoke: LEAD },
  batches: { list: ALL_ROLES, show: ALL_ROLES, create: LEAD, edit: LEAD, delete: LEAD },
  users: { list: LEAD, show: LEAD, create: LEAD, edit: LEAD, delete: LEAD },
  'audit-events': { list: LEAD, show: LEAD },
  emails: { list: STAFF_ROLES, show: STAFF_ROLES, resend: ['center_reviewer', 'lead'] },
  schools: { list: ALL_ROLES, show: ALL_ROLES },
  departments: { list: ALL_ROLES, show: ALL_ROLES },
  stats: { read: ALL_ROLES },
};

export interface AccessRequest {
  action: string;
  resource: string;
  record?: Record<string, unknown>;
}

export const hasRole = (roles: readonly Role[] | undefined, ...wanted: Role[]): boolean =>
  !!roles && wanted.some((r) => roles.includes(r));

/** May a user with these roles take this react-admin action on this resource (and record)? */
export function canAccessWith(roles: readonly Role[] | undefined, { action, resource, record }: AccessRequest): boolean {
  if (!roles || roles.length === 0) return false;
  const allowed = ACCESS[resource]?.[action];
  if (!allowed || !roles.some((r) => allowed.includes(r))) return false;
  if (isApplicationResource(resource) && record && (action === 'edit' || action === 'upload')) {
    return typeof record.state === 'string' && isEditable(record.state as ApplicationState);
  }
  // only a draft that was never submitted may be deleted; later the owner withdraws it
  if (isApplicationResource(resource) && action === 'delete') return !!record && record.state === 'draft' && !record.submittedAt;
  return true;
}

/** The workflow actions the server lets this user take on this record now. */
export function recordAllows(record: object | undefined | null, action: Action): boolean {
  const allowed = (record as { allowedActions?: unknown } | undefined | null)?.allowedActions;
  return Array.isArray(allowed) && allowed.includes(action);
}

/** How the application lists behave for a user: the most capable of their roles wins. */
export type ListMode = 'review' | 'readonly' | 'school_queue' | 'applicant' | 'none';
export function listModeFor(roles: readonly Role[] | undefined): ListMode {
  if (hasRole(roles, 'lead', 'center_reviewer')) return 'review';
  if (hasRole(roles, 'coordinator')) return 'readonly';
  if (hasRole(roles, 'school_admin')) return 'school_queue';
  if (hasRole(roles, 'applicant')) return 'applicant';
  return 'none';
}

const BULK_ACTIONS: Readonly<Record<Role, readonly Action[]>> = {
  applicant: [],
  school_admin: ['school_approve'],
  center_reviewer: ['center_approve', 'return', 'reject'],
  coordinator: [],
  lead: ['center_approve', 'admit', 'return', 'reject'],
  expert: [],
};
/** The workflow actions offered in bulk on the lists, in the workflow's order. */
export function bulkActionsFor(roles: readonly Role[] | undefined): Action[] {
  const wanted = new Set((roles ?? []).flatMap((r) => BULK_ACTIONS[r] ?? []));
  return ACTIONS.filter((a) => wanted.has(a));
}

/** Menu entries, in display order. Resource entries are named after the resource. */
export const MENU_ORDER = [
  'my-applications', 'dashboard', 'council-applications', 'member-applications', 'members', 'invitations',
  'batches', 'users', 'emails', 'audit-events', 'queues', 'profile',
] as const;
export type MenuKey = (typeof MENU_ORDER)[number];

const MENU_BY_ROLE: Readonly<Record<Role, readonly MenuKey[]>> = {
  applicant: ['my-applications', 'council-applications', 'member-applications'],
  school_admin: ['dashboard', 'council-applications', 'member-applications'],
  center_reviewer: ['dashboard', 'council-applications', 'member-applications', 'members', 'emails'],
  coordinator: ['dashboard', 'council-applications', 'member-applications', 'members', 'emails'],
  lead: ['dashboard', 'council-applications', 'member-applications', 'members', 'invitations', 'batches', 'users', 'emails', 'audit-events', 'queues'],
  expert: ['dashboard'],
};
export function menuFor(roles: readonly Role[] | undefined): MenuKey[] {
  const keys = new Set<MenuKey>((roles ?? []).flatMap((r) => MENU_BY_ROLE[r] ?? []));
  keys.add('profile');
  return MENU_ORDER.filter((k) => keys.has(k));
}

/** The home page: applicants land on their own applications, everybody else on the dashboard. */
export const homeFor = (roles: readonly Role[] | undefined): 'my-applications' | 'dashboard' =>
  listModeFor(roles) === 'applicant' ? 'my-applications' : 'dashboard';
