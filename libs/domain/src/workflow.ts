import { Role } from './codes';
import { Finding, hasBlocking } from './findings';

export const STATE = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  school_approved: { zh: '学校已审核', en: 'School approved' },
  center_reviewed: { zh: '中心已审核', en: 'Center reviewed' },
  admitted: { zh: '已入盟', en: 'Admitted' },
  returned: { zh: '退回修改', en: 'Returned' },
  rejected: { zh: '未通过', en: 'Rejected' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
} as const;
export type ApplicationState = keyof typeof STATE;
export const STATES = Object.keys(STATE) as ApplicationState[];

export const ACTION = {
  submit: { zh: '提交', en: 'Submit' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
  school_approve: { zh: '学校审核通过', en: 'Approve (school)' },
  center_approve: { zh: '中心审核通过', en: 'Approve (center)' },
  admit: { zh: '批准入盟', en: 'Admit' },
  return: { zh: '退回修改', en: 'Return' },
  reject: { zh: '不予通过', en: 'Reject' },
} as const;
export type Action = keyof typeof ACTION;
export const ACTIONS = Object.keys(ACTION) as Action[];

/** States in which an application holds a quota seat (DOMAIN.md, Rules). */
export const SEAT_HOLDING_STATES: readonly ApplicationState[] = [
  'submitted', 'school_approved', 'center_reviewed', 'admitted', 'returned',
];
/** States in which the owner may edit the form. */
export const EDITABLE_STATES: readonly ApplicationState[] = ['draft', 'returned'];
/** Actions that need a comment. */
export const COMMENT_REQUIRED: readonly Action[] = ['return', 'reject'];

/**
 * Who acts on an application: `owner` is the applicant who owns it, `school_admin` must belong
 * to the application's school; the staff roles act on every school.
 */
export type Actor = 'owner' | 'school_admin' | 'center_reviewer' | 'lead';

interface Edge {
  from: readonly ApplicationState[];
  to: ApplicationState;
  by: (from: ApplicationState) => readonly Actor[];
}

/** The reviewer for a state: whoever moves it forward may also return or reject it. */
const reviewerOf = (from: ApplicationState): readonly Actor[] => {
  switch (from) {
    case 'submitted': return ['school_admin'];
    case 'school_approved': return ['center_reviewer', 'lead'];
    case 'center_reviewed': return ['lead'];
    default: return [];
  }
};

export const TRANSITIONS: Readonly<Record<Action, Edge>> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', by: () => ['owner'] },
  withdraw: { from: ['draft', 'submitted', 'returned'], to: 'withdrawn', by: () => ['owner'] },
  school_approve: { from: ['submitted'], to: 'school_approved', by: () => ['school_admin'] },
  center_approve: { from: ['school_approved'], to: 'center_reviewed', by: () => ['center_reviewer', 'lead'] },
  admit: { from: ['center_reviewed'], to: 'admitted', by: () => ['lead'] },
  return: { from: ['submitted', 'school_approved', 'center_reviewed'], to: 'returned', by: reviewerOf },
  reject: { from: ['submitted', 'school_approved', 'center_reviewed'], to: 'rejected', by: reviewerOf },
};

/** The user acting, and how they relate to the application. */
export interface ActingUser {
  id: number;
  roles: readonly Role[];
  schoolId: number | null;
}
export interface ApplicationRef {
  state: ApplicationState;
  ownerId: number;
  schoolId: number;
}

/** The workflow actors a user counts as for one application (owner, own school's admin, staff). */
export function actorsFor(user: ActingUser, app: ApplicationRef): Actor[] {
  // Nobody reviews their own application, whatever other roles they hold.
  if (user.id === app.ownerId) return ['owner'];
  const actors: Actor[] = [];
  if (user.roles.includes('school_admin') && user.schoolId === app.schoolId) actors.push('school_admin');
  if (user.roles.includes('center_reviewer')) actors.push('center_reviewer');
  if (user.roles.includes('lead')) actors.push('lead');
  return actors;
}

/** Role recorded in the history for an actor. */
export const roleOfActor = (actor: Actor): Role => (actor === 'owner' ? 'applicant' : actor);

export type Decision =
  | { ok: true; to: ApplicationState; actor: Actor }
  | { ok: false; error: 'forbidden' }
  | { ok: false; error: 'wrong_state'; from: ApplicationState }
  | { ok: false; error: 'comment_required' }
  | { ok: false; error: 'blocked'; findings: Finding[] };

const canEverTake = (action: Action, actors: readonly Actor[]): boolean =>
  TRANSITIONS[action].from.some((s) => TRANSITIONS[action].by(s).some((a) => actors.includes(a)));

/**
 * May this user take this action on this application now?
 * Order: a role that can never take the action is forbidden (403); an action that does not
 * leave the current state is a conflict (409); a role that may take it only from another
 * state is forbidden (403); then the comment (400) and the blocking findings (422).
 * `findings` are only consulted for `submit`.
 */
export function decide(
  user: ActingUser,
  app: ApplicationRef,
  action: Action,
  options: { comment?: string | null; findings?: readonly Finding[] } = {},
): Decision {
  const edge = TRANSITIONS[action];
  const actors = actorsFor(user, app);
  if (!canEverTake(action, actors)) return { ok: false, error: 'forbidden' };
  if (!edge.from.includes(app.state)) return { ok: false, error: 'wrong_state', from: app.state };
  const actor = edge.by(app.state).find((a) => actors.includes(a));
  if (!actor) return { ok: false, error: 'forbidden' };
  if (COMMENT_REQUIRED.includes(action) && !options.comment?.trim()) return { ok: false, error: 'comment_required' };
  if (action === 'submit' && options.findings && hasBlocking(options.findings)) {
    return { ok: false, error: 'blocked', findings: options.findings.filter((f) => f.level === 'block') };
  }
  return { ok: true, to: edge.to, actor };
}

/** The actions this user may take now, by state and role (rules are shown as findings). */
export function allowedActions(user: ActingUser, app: ApplicationRef): Action[] {
  const actors = actorsFor(user, app);
  return ACTIONS.filter((action) => {
    const edge = TRANSITIONS[action];
    return edge.from.includes(app.state) && edge.by(app.state).some((a) => actors.includes(a));
  });
}

export const isEditable = (state: ApplicationState): boolean => EDITABLE_STATES.includes(state);
export const holdsSeat = (state: ApplicationState): boolean => SEAT_HOLDING_STATES.includes(state);
