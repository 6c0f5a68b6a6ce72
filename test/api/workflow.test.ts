import { startApi, TestApi } from '../support/api';
import { Factory, TestUser } from '../support/factories';

let api: TestApi;
let f: Factory;
let batchId: number;
let center: TestUser;
let lead: TestUser;
let coordinator: TestUser;

beforeAll(async () => {
  api = await startApi();
  f = new Factory(api);
  batchId = await f.batch();
  center = await f.user(['center_reviewer']);
  lead = await f.user(['lead']);
  coordinator = await f.user(['coordinator']);
});
afterAll(() => api.close());

const counts = async (kind: 'council' | 'member', id: number) => {
  const [row] = await api.db.query(
    `SELECT (SELECT count(*)::int FROM transitions WHERE application_kind = $1 AND application_id = $2) AS transitions,
            (SELECT count(*)::int FROM audit_events WHERE entity = $1 || '_application' AND entity_id = $2::text) AS audits,
            (SELECT count(*)::int FROM emails WHERE application_kind = $1 AND application_id = $2) AS emails,
            (SELECT state FROM ${kind}_applications WHERE id = $2) AS state`, [kind, id]);
  return row as { transitions: number; audits: number; emails: number; state: string };
};

describe('the whole path to admitted', () => {
  test('a council application goes draft → submitted → school_approved → center_reviewed → admitted', async () => {
    const { admin, applicant, council } = await f.schoolWithCouncil(batchId);
    const path: [TestUser, string, string][] = [
      [applicant, 'submit', 'submitted'], [admin, 'school_approve', 'school_approved'],
      [center, 'center_approve', 'center_reviewed'], [lead, 'admit', 'admitted'],
    ];
    for (const [user, action, state] of path) {
      const res = await f.transition(user, 'council-applications', council.id, action);
      expect(res.status).toBe(200);
      expect(res.body.state).toBe(state);
    }
    const history = await api.http.get(`/api/council-applications/${council.id}/transitions`).set(applicant.auth);
    expect(history.status).toBe(200);
    expect(history.body.map((t: { action: string; from: string; to: string; actorRole: string }) => [t.action, t.from, t.to, t.actorRole])).toEqual([
      ['submit', 'draft', 'submitted', 'applicant'],
      ['school_approve', 'submitted', 'school_approved', 'school_admin'],
      ['center_approve', 'school_approved', 'center_reviewed', 'center_reviewer'],
      ['admit', 'center_reviewed', 'admitted', 'lead'],
    ]);
    const c = await counts('council', council.id);
    expect(c.audits).toBe(4 + 2); // create, upload, then one per transition
    const mails = await api.db.query(`SELECT template, to_email FROM emails WHERE application_id = $1 AND application_kind = 'council' ORDER BY id`, [council.id]);
    expect(mails.map((m: { template: string }) => m.template)).toEqual(expect.arrayContaining([
      'submitted_receipt', 'submitted_school', 'school_approved_applicant', 'school_approved_center', 'center_reviewed_lead', 'admitted',
    ]));
    // admitted goes to the applicant and to the school's contact person
    expect(mails.filter((m: { template: string }) => m.template === 'admitted').map((m: { to_email: string }) => m.to_email).sort())
      .toEqual(['contact@school.cn', applicant.email].sort());
  });

  test('a member application goes the same way, and the representation carries findings, quota and allowed actions', async () => {
    const { schoolId, admin, council } = await f.schoolWithCouncil(batchId);
    const { applicant, id } = await f.memberDraft(batchId, schoolId, council.departments[0].id);
    const draft = await api.http.get(`/api/member-applications/${id}`).set(applicant.auth);
    expect(draft.body).toMatchObject({ state: 'draft', allowedActions: ['submit', 'withdraw'], findings: [], quota: { seat: 'program_leader', seatsHeld: 0, seatsLimit: 2 } });
    for (const [user, action] of [[applicant, 'submit'], [admin, 'school_approve'], [center, 'center_approve'], [lead, 'admit']] as const) {
      expect((await f.transition(user, 'member-applications', id, action)).status).toBe(200);
    }
    expect((await counts('member', id)).state).toBe('admitted');
  });

  test('a returned application is fixed and resubmitted, and the comment reaches the applicant', async () => {
    const { schoolId, admin, council } = await f.schoolWithCouncil(batchId);
    const { applicant, id } = await f.memberDraft(batchId, schoolId, council.departments[0].id);
    await f.transition(applicant, 'member-applications', id, 'submit');
    const returned = await f.transition(admin, 'member-applications', id, 'return', '请补充获奖证明');
    expect(returned.body).toMatchObject({ state: 'returned', lastComment: '请补充获奖证明' });
    const edit = await api.http.put(`/api/member-applications/${id}`).set(applicant.auth).send({ ...returned.body, awards: '省教学成果一等奖' });
    expect(edit.status).toBe(200);
    expect(edit.body.awards).toBe('省教学成果一等奖');
    expect((await f.transition(applicant, 'member-applications', id, 'submit')).body.state).toBe('submitted');
    const [mail] = await api.db.query(`SELECT data FROM emails WHERE application_id = $1 AND template = 'returned'`, [id]);
    expect(mail.data.comment).toBe('请补充获奖证明');
  });
});

describe('refusals change nothing', () => {
  let ctx: Awaited<ReturnType<Factory['schoolWithCouncil']>>;
  beforeAll(async () => {
    ctx = await f.schoolWithCouncil(batchId);
  });

  const refused = async (user: TestUser, id: number, action: string, status: number, comment?: string) => {
    const before = await counts('council', id);
    const res = await f.transition(user, 'council-applications', id, action, comment);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ statusCode: status, message: expect.any(String) });
    expect(await counts('council', id)).toEqual(before);
    return res;
  };

  test('403, 409, 422 and 400 each leave the application, history, audit and outbox untouched', async () => {
    const fresh = await f.schoolWithCouncil(batchId);
    const id = fresh.council.id;
    await refused(lead, id, 'admit', 409);                 // draft cannot be admitted
    await refused(coordinator, id, 'school_approve', 403); // coordinators change no state
    await refused(ctx.applicant, id, 'submit', 404);       // another school's applicant does not even see it
    await refused(fresh.admin, id, 'school_approve', 404); // school admins do not see drafts
    expect((await f.transition(fresh.applicant, 'council-applications', id, 'submit')).status).toBe(200);
    await refused(fresh.admin, id, 'center_approve', 403); // a school admin never center-approves
    await refused(center, id, 'return', 403, '不行');       // returning a submitted one is the school's step
    await refused(ctx.admin, id, 'school_approve', 404);   // another school's admin does not see it
    await refused(fresh.admin, id, 'return', 400);         // a comment is required
    await refused(fresh.applicant, id, 'submit', 409);     // already submitted
    await refused(center, id, 'center_approve', 409);      // not yet school-approved
  });

  test('422 with the findings when a rule blocks the submit', async () => {
    const schoolId = await f.school();
    const applicant = await f.user(['applicant'], schoolId);
    const created = await api.http.post('/api/council-applications').set(applicant.auth).send(f.councilForm(batchId, { equipmentMajorShare5yPct: 19.9 }));
    const res = await refused(applicant, created.body.id, 'submit', 422);
    expect(res.body.details.map((d: { rule: string }) => d.rule).sort()).toEqual(['completeness', 'equipment_share']);
    expect(res.body.details.find((d: { rule: string }) => d.rule === 'completeness').field).toBe('sealedScan');
  });

  test('422 after the batch deadline, one second late', async () => {
    const closed = await f.batch({ opensAt: new Date(Date.now() - 10 * 86400_000), deadline: new Date(Date.now() - 1000) });
    const { applicant, council } = await f.schoolWithCouncil(closed);
    const res = await refused(applicant, council.id, 'submit', 422);
    expect(res.body.details).toEqual([expect.objectContaining({ rule: 'batch_window', level: 'block' })]);
  });

  test('a young teacher over 35 at the deadline is blocked; teaching years under 6 only warn', async () => {
    const { schoolId, council } = await f.schoolWithCouncil(batchId);
    const old = await f.memberDraft(batchId, schoolId, council.departments[0].id, { targetGroup: 3, birthMonth: '1960-01' });
    const res = await f.transition(old.applicant, 'member-applications', old.id, 'submit');
    expect(res.status).toBe(422);
    expect(res.body.details.map((d: { rule: string }) => d.rule)).toEqual(['youth_age']);
    const junior = await f.memberDraft(batchId, schoolId, council.departments[1].id, { teachingYears: 5 });
    const ok = await f.transition(junior.applicant, 'member-applications', junior.id, 'submit');
    expect(ok.status).toBe(200);
    expect(ok.body.findings).toEqual([expect.objectContaining({ rule: 'teaching_years', level: 'warn' })]);
  });
});

describe('quotas under concurrency', () => {
  test('three concurrent program_leader submits into one department: exactly two are accepted', async () => {
    const { schoolId, council } = await f.schoolWithCouncil(batchId);
    const departmentId = council.departments[0].id;
    const drafts = await Promise.all([0, 1, 2].map(() => f.memberDraft(batchId, schoolId, departmentId)));
    const results = await Promise.all(drafts.map((d) => f.transition(d.applicant, 'member-applications', d.id, 'submit')));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 422]);
    const blocked = results.find((r) => r.status === 422)!;
    expect(blocked.body.details).toEqual([expect.objectContaining({ rule: 'seat_quota' })]);
    const [{ held }] = await api.db.query(`SELECT count(*)::int AS held FROM member_applications WHERE department_id = $1 AND state = 'submitted'`, [departmentId]);
    expect(held).toBe(2);
  });

  test('eight concurrent main_leader submits: exactly one is accepted', async () => {
    const { schoolId, council } = await f.schoolWithCouncil(batchId);
    const drafts = await Promise.all(Array.from({ length: 8 }, () => f.memberDraft(batchId, schoolId, council.departments[1].id, { seat: 'main_leader' })));
    const results = await Promise.all(drafts.map((d) => f.transition(d.applicant, 'member-applications', d.id, 'submit')));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 422)).toHaveLength(7);
  });

  test("the lead's quota exception lets a fourth department through, as a warning", async () => {
    const { schoolId, applicant, council } = await f.schoolWithCouncil(batchId);
    await f.transition(applicant, 'council-applications', council.id, 'submit');
    const second = await f.user(['applicant'], schoolId);
    // the school already holds 2 departments; a second application with 2 more exceeds 3
    const other = await api.db.query(
      `INSERT INTO council_applications (batch_id, school_id, owner_id, state, equipment_major_share_5y_pct) VALUES ($1, $2, $3, 'draft', 40) RETURNING id`,
      [batchId, schoolId, second.id]);
    const id = other[0].id;
    const form = f.councilForm(batchId);
    const { batchId: _b, ...update } = form;
    expect((await api.http.put(`/api/council-applications/${id}`).set(second.auth).send(update)).status).toBe(200);
    await f.upload(second, 'council-applications', id, 'sealed_scan');
    const blocked = await f.transition(second, 'council-applications', id, 'submit');
    expect(blocked.status).toBe(422);
    expect(blocked.body.details).toEqual([expect.objectContaining({ rule: 'department_quota' })]);
    expect((await api.http.post(`/api/council-applications/${id}/quota-exception`).set(center.auth).send({ reason: '特批' })).status).toBe(403);
    const granted = await api.http.post(`/api/council-applications/${id}/quota-exception`).set(lead.auth).send({ reason: '行业特色突出，特批' });
    expect(granted.status).toBe(200);
    expect(granted.body.quota.exception).toMatchObject({ reason: '行业特色突出，特批' });
    const ok = await f.transition(second, 'council-applications', id, 'submit');
    expect(ok.status).toBe(200);
    expect(ok.body.findings).toEqual([expect.objectContaining({ rule: 'department_quota', level: 'warn' })]);
  });
});
