import {
  ACTION, ACTIONS, Action, ActingUser, actorsFor, allowedActions, ApplicationRef, ApplicationState,
  COMMENT_REQUIRED, decide, EDITABLE_STATES, holdsSeat, isEditable, roleOfActor, SEAT_HOLDING_STATES, STATE, STATES,
} from './workflow';
import { Finding } from './findings';

/*
 * The expected workflow is written out by hand from DOMAIN.md ("Workflow" table), not derived from
 * TRANSITIONS, so that a wrong TRANSITIONS entry makes these tests fail.
 */

const SCHOOL = 10;
const OTHER_SCHOOL = 20;
const OWNER_ID = 1;

/** The people who may come near one application of school SCHOOL owned by OWNER_ID. */
const PEOPLE = {
  'applicant (owner)': { id: OWNER_ID, roles: ['applicant'], schoolId: SCHOOL },
  'applicant (not owner)': { id: 2, roles: ['applicant'], schoolId: SCHOOL },
  'school_admin (same school)': { id: 3, roles: ['school_admin'], schoolId: SCHOOL },
  'school_admin (other school)': { id: 4, roles: ['school_admin'], schoolId: OTHER_SCHOOL },
  center_reviewer: { id: 5, roles: ['center_reviewer'], schoolId: null },
  coordinator: { id: 6, roles: ['coordinator'], schoolId: null },
  lead: { id: 7, roles: ['lead'], schoolId: null },
  expert: { id: 8, roles: ['expert'], schoolId: null },
} as const satisfies Record<string, ActingUser>;
type Person = keyof typeof PEOPLE;
const PERSONS = Object.keys(PEOPLE) as Person[];

const ALL_STATES: ApplicationState[] = [
  'draft', 'submitted', 'school_approved', 'center_reviewed', 'admitted', 'returned', 'rejected', 'withdrawn',
];
const ALL_ACTIONS: Action[] = ['submit', 'withdraw', 'school_approve', 'center_approve', 'admit', 'return', 'reject'];

/**
 * DOMAIN.md, Workflow: for each action, the from-states and who may take it from each of them.
 * `return` / `reject`: "the role that may act on the from-state" — school_admin on submitted,
 * center_reviewer and lead on school_approved (lead: "everything a reviewer may"), lead on center_reviewed.
 */
const WORKFLOW: Record<Action, { to: ApplicationState; by: Partial<Record<ApplicationState, Person[]>> }> = {
  submit: {
    to: 'submitted',
    by: { draft: ['applicant (owner)'], returned: ['applicant (owner)'] },
  },
  withdraw: {
    to: 'withdrawn',
    by: { draft: ['applicant (owner)'], submitted: ['applicant (owner)'], returned: ['applicant (owner)'] },
  },
  school_approve: {
    to: 'school_approved',
    by: { submitted: ['school_admin (same school)'] },
  },
  center_approve: {
    to: 'center_reviewed',
    by: { school_approved: ['center_reviewer', 'lead'] },
  },
  admit: {
    to: 'admitted',
    by: { center_reviewed: ['lead'] },
  },
  return: {
    to: 'returned',
    by: { submitted: ['school_admin (same school)'], school_approved: ['center_reviewer', 'lead'], center_reviewed: ['lead'] },
  },
  reject: {
    to: 'rejected',
    by: { submitted: ['school_admin (same school)'], school_approved: ['center_reviewer', 'lead'], center_reviewed: ['lead'] },
  },
};

type Outcome = 'ok' | 'forbidden' | 'wrong_state';

/** decide()'s documented order: never allowed → forbidden; state not a from-state → wrong_state; other state only → forbidden. */
function expected(state: ApplicationState, action: Action, person: Person): Outcome {
  const edge = WORKFLOW[action];
  const fromStates = Object.keys(edge.by) as ApplicationState[];
  const everAllowed = fromStates.some((s) => edge.by[s]!.includes(person));
  if (!everAllowed) return 'forbidden';
  if (!fromStates.includes(state)) return 'wrong_state';
  return edge.by[state]!.includes(person) ? 'ok' : 'forbidden';
}

const app = (state: ApplicationState): ApplicationRef => ({ state, ownerId: OWNER_ID, schoolId: SCHOOL });
const outcomeOf = (d: ReturnType<typeof decide>): string => (d.ok ? 'ok' : d.error);

const TRIPLES = ALL_STATES.flatMap((state) =>
  ALL_ACTIONS.flatMap((action) => PERSONS.map((person) => ({ state, action, person, outcome: expected(state, action, person) }))));

describe('workflow vocabulary', () => {
  test('has the 8 states of DOMAIN.md with the Chinese labels people see', () => {
    expect(STATES).toEqual(expect.arrayContaining(ALL_STATES));
    expect(STATES).toHaveLength(8);
    expect(STATE.draft.zh).toBe('草稿');
    expect(STATE.returned.zh).toBe('退回修改');
    expect(STATE.rejected.zh).toBe('未通过');
    expect(STATE.withdrawn.zh).toBe('已撤回');
  });

  test('has the 7 actions of DOMAIN.md', () => {
    expect([...ACTIONS].sort()).toEqual([...ALL_ACTIONS].sort());
    for (const a of ACTIONS) {
      expect(ACTION[a].zh.trim()).not.toBe('');
      expect(ACTION[a].en.trim()).not.toBe('');
    }
  });

  test('return and reject, and only they, need a comment', () => {
    expect([...COMMENT_REQUIRED].sort()).toEqual(['reject', 'return']);
  });

  test('seats are held in submitted, school_approved, center_reviewed, admitted and returned only', () => {
    expect([...SEAT_HOLDING_STATES].sort()).toEqual(['admitted', 'center_reviewed', 'returned', 'school_approved', 'submitted']);
    for (const s of ['submitted', 'school_approved', 'center_reviewed', 'admitted', 'returned'] as const) expect(holdsSeat(s)).toBe(true);
    for (const s of ['draft', 'withdrawn', 'rejected'] as const) expect(holdsSeat(s)).toBe(false);
  });

  test('the owner edits the form in draft and returned only', () => {
    expect([...EDITABLE_STATES].sort()).toEqual(['draft', 'returned']);
    for (const s of ALL_STATES) expect(isEditable(s)).toBe(s === 'draft' || s === 'returned');
  });

  test('the hand-written expectation table covers 8 states × 7 actions × 8 people', () => {
    expect(TRIPLES).toHaveLength(8 * 7 * 8);
    expect(TRIPLES.filter((t) => t.outcome === 'ok')).toHaveLength(17);
  });
});

describe('decide(): every (state, action, person) triple, with a comment and no findings', () => {
  test.each(TRIPLES)('$action on $state by $person → $outcome', ({ state, action, person, outcome }) => {
    const d = decide(PEOPLE[person], app(state), action, { comment: '请补充材料' });
    expect(outcomeOf(d)).toBe(outcome);
    if (d.ok) {
      expect(d.to).toBe(WORKFLOW[action].to);
    }
    if (!d.ok && d.error === 'wrong_state') expect(d.from).toBe(state);
  });
});

describe('decide(): the actor recorded for an allowed action', () => {
  test.each([
    ['submit', 'draft', 'applicant (owner)', 'owner'],
    ['withdraw', 'submitted', 'applicant (owner)', 'owner'],
    ['school_approve', 'submitted', 'school_admin (same school)', 'school_admin'],
    ['return', 'submitted', 'school_admin (same school)', 'school_admin'],
    ['center_approve', 'school_approved', 'center_reviewer', 'center_reviewer'],
    ['center_approve', 'school_approved', 'lead', 'lead'],
    ['reject', 'school_approved', 'center_reviewer', 'center_reviewer'],
    ['admit', 'center_reviewed', 'lead', 'lead'],
    ['return', 'center_reviewed', 'lead', 'lead'],
  ] as [Action, ApplicationState, Person, string][])('%s on %s by %s is recorded as %s', (action, state, person, actor) => {
    const d = decide(PEOPLE[person], app(state), action, { comment: '意见' });
    expect(d).toEqual({ ok: true, to: WORKFLOW[action].to, actor });
  });

  test('the history role of each actor: owner is recorded as applicant, the others as themselves', () => {
    expect(roleOfActor('owner')).toBe('applicant');
    expect(roleOfActor('school_admin')).toBe('school_admin');
    expect(roleOfActor('center_reviewer')).toBe('center_reviewer');
    expect(roleOfActor('lead')).toBe('lead');
  });
});

describe('decide(): return and reject need a non-blank comment', () => {
  const reviewers: [ApplicationState, Person][] = [
    ['submitted', 'school_admin (same school)'],
    ['school_approved', 'center_reviewer'],
    ['school_approved', 'lead'],
    ['center_reviewed', 'lead'],
  ];
  const blanks: [string, string | null | undefined][] = [
    ['no comment', undefined], ['null', null], ['empty', ''], ['spaces', '   '], ['newline and tab', '\n\t'], ['ideographic space', '\u3000'],
  ];
  const cases = (['return', 'reject'] as const).flatMap((action) =>
    reviewers.flatMap(([state, person]) => blanks.map(([label, comment]) => ({ action, state, person, label, comment }))));

  test.each(cases)('$action on $state by $person with $label → comment_required', ({ action, state, person, comment }) => {
    expect(decide(PEOPLE[person], app(state), action, { comment })).toEqual({ ok: false, error: 'comment_required' });
  });

  test('with no options at all, return is comment_required', () => {
    expect(decide(PEOPLE.lead, app('center_reviewed'), 'return')).toEqual({ ok: false, error: 'comment_required' });
  });

  test('a comment with surrounding spaces is accepted', () => {
    expect(decide(PEOPLE.lead, app('center_reviewed'), 'reject', { comment: '  不符合条件  ' }).ok).toBe(true);
  });

  test.each(['submit', 'withdraw'] as const)('%s needs no comment', (action) => {
    expect(decide(PEOPLE['applicant (owner)'], app('draft'), action).ok).toBe(true);
  });

  test.each([
    ['school_approve', 'submitted', 'school_admin (same school)'],
    ['center_approve', 'school_approved', 'center_reviewer'],
    ['admit', 'center_reviewed', 'lead'],
  ] as [Action, ApplicationState, Person][])('%s needs no comment', (action, state, person) => {
    expect(decide(PEOPLE[person], app(state), action).ok).toBe(true);
  });

  test('forbidden comes before the missing comment (a coordinator returning without comment)', () => {
    expect(decide(PEOPLE.coordinator, app('submitted'), 'return')).toEqual({ ok: false, error: 'forbidden' });
  });

  test('forbidden comes before the missing comment (center reviewer returning a submitted application)', () => {
    expect(decide(PEOPLE.center_reviewer, app('submitted'), 'return')).toEqual({ ok: false, error: 'forbidden' });
  });

  test('wrong_state comes before the missing comment (lead rejecting an admitted application)', () => {
    expect(decide(PEOPLE.lead, app('admitted'), 'reject')).toEqual({ ok: false, error: 'wrong_state', from: 'admitted' });
  });
});

describe('decide(): submit and the eligibility findings', () => {
  const block: Finding = { rule: 'equipment_share', level: 'block', message: '占比不足' };
  const block2: Finding = { rule: 'completeness', level: 'block', message: '请填写“姓名”。', field: 'name' };
  const warn: Finding = { rule: 'teaching_years', level: 'warn', message: '从教年限不足' };
  const owner = PEOPLE['applicant (owner)'];

  test.each(['draft', 'returned'] as const)('submit from %s with a blocking finding → blocked, listing the blocking findings', (state) => {
    expect(decide(owner, app(state), 'submit', { findings: [warn, block, block2] }))
      .toEqual({ ok: false, error: 'blocked', findings: [block, block2] });
  });

  test.each(['draft', 'returned'] as const)('submit from %s with warn-only findings is allowed', (state) => {
    expect(decide(owner, app(state), 'submit', { findings: [warn, warn] })).toEqual({ ok: true, to: 'submitted', actor: 'owner' });
  });

  test('submit with an empty findings list is allowed', () => {
    expect(decide(owner, app('draft'), 'submit', { findings: [] }).ok).toBe(true);
  });

  test('a blocking finding does not turn wrong_state into blocked (submit on submitted)', () => {
    expect(decide(owner, app('submitted'), 'submit', { findings: [block] })).toEqual({ ok: false, error: 'wrong_state', from: 'submitted' });
  });

  test('a blocking finding does not turn forbidden into blocked (submit by a non-owner)', () => {
    expect(decide(PEOPLE['applicant (not owner)'], app('draft'), 'submit', { findings: [block] })).toEqual({ ok: false, error: 'forbidden' });
  });

  test('findings are only consulted for submit: withdraw with a blocking finding is still allowed', () => {
    expect(decide(owner, app('draft'), 'withdraw', { findings: [block] }).ok).toBe(true);
  });

  test('findings are only consulted for submit: school approval with a blocking finding is still allowed', () => {
    expect(decide(PEOPLE['school_admin (same school)'], app('submitted'), 'school_approve', { findings: [block] }).ok).toBe(true);
  });
});

describe('actorsFor(): how a user relates to one application', () => {
  test.each([
    ['applicant (owner)', ['owner']],
    ['applicant (not owner)', []],
    ['school_admin (same school)', ['school_admin']],
    ['school_admin (other school)', []],
    ['center_reviewer', ['center_reviewer']],
    ['coordinator', []],
    ['lead', ['lead']],
    ['expert', []],
  ] as [Person, string[]][])('%s acts as %j', (person, actors) => {
    expect(actorsFor(PEOPLE[person], app('submitted'))).toEqual(actors);
  });

  test('a school admin without a school is no school admin of any application', () => {
    expect(actorsFor({ id: 9, roles: ['school_admin'], schoolId: null }, app('submitted'))).toEqual([]);
  });

  test('a user with several roles acts as each of them', () => {
    const both = { id: 9, roles: ['center_reviewer', 'lead'], schoolId: null } as const;
    expect(actorsFor(both, app('school_approved'))).toEqual(['center_reviewer', 'lead']);
  });

  test('a lead who also reviews for the center may admit and center-approve', () => {
    const both = { id: 9, roles: ['center_reviewer', 'lead'], schoolId: null } as const;
    expect(decide(both, app('center_reviewed'), 'admit')).toEqual({ ok: true, to: 'admitted', actor: 'lead' });
    expect(decide(both, app('school_approved'), 'center_approve').ok).toBe(true);
  });
});

describe('allowedActions()', () => {
  const sorted = (a: Action[]) => [...a].sort();
  test.each([
    ['applicant (owner)', 'draft', ['submit', 'withdraw']],
    ['applicant (owner)', 'returned', ['submit', 'withdraw']],
    ['applicant (owner)', 'submitted', ['withdraw']],
    ['applicant (owner)', 'school_approved', []],
    ['applicant (owner)', 'admitted', []],
    ['applicant (owner)', 'withdrawn', []],
    ['applicant (not owner)', 'draft', []],
    ['school_admin (same school)', 'submitted', ['reject', 'return', 'school_approve']],
    ['school_admin (same school)', 'school_approved', []],
    ['school_admin (same school)', 'draft', []],
    ['school_admin (other school)', 'submitted', []],
    ['center_reviewer', 'submitted', []],
    ['center_reviewer', 'school_approved', ['center_approve', 'reject', 'return']],
    ['center_reviewer', 'center_reviewed', []],
    ['lead', 'submitted', []],
    ['lead', 'school_approved', ['center_approve', 'reject', 'return']],
    ['lead', 'center_reviewed', ['admit', 'reject', 'return']],
    ['lead', 'admitted', []],
    ['lead', 'rejected', []],
    ['coordinator', 'submitted', []],
    ['coordinator', 'school_approved', []],
    ['coordinator', 'center_reviewed', []],
    ['expert', 'center_reviewed', []],
  ] as [Person, ApplicationState, Action[]][])('%s on %s may %j', (person, state, actions) => {
    expect(sorted(allowedActions(PEOPLE[person], app(state)))).toEqual(actions);
  });

  test('agrees with the hand-written table for every state and person', () => {
    for (const state of ALL_STATES) {
      for (const person of PERSONS) {
        const want = ALL_ACTIONS.filter((a) => expected(state, a, person) === 'ok');
        expect({ state, person, actions: sorted(allowedActions(PEOPLE[person], app(state))) })
          .toEqual({ state, person, actions: sorted(want) });
      }
    }
  });

  test('nothing can be done to an admitted, rejected or withdrawn application by anyone', () => {
    for (const state of ['admitted', 'rejected', 'withdrawn'] as const) {
      for (const person of PERSONS) expect(allowedActions(PEOPLE[person], app(state))).toEqual([]);
    }
  });
});

describe('nobody reviews their own application', () => {
  const ownerAdmin = { id: 7, roles: ['applicant', 'school_admin', 'lead'] as const, schoolId: 1 };
  test.each(['school_approve', 'return', 'reject'] as const)('%s on own submitted application is forbidden', (action) => {
    expect(decide({ ...ownerAdmin, roles: [...ownerAdmin.roles] }, { state: 'submitted', ownerId: 7, schoolId: 1 }, action, { comment: 'x' }))
      .toEqual({ ok: false, error: 'forbidden' });
  });
  test('the owner still withdraws', () => {
    expect(allowedActions({ ...ownerAdmin, roles: [...ownerAdmin.roles] }, { state: 'submitted', ownerId: 7, schoolId: 1 })).toEqual(['withdraw']);
  });
});
