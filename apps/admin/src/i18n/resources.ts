import { APPLICATION_KIND, FIELD_LABEL, type Label } from '@alliance/domain';
import type { Lang } from './codes';

/**
 * Names and field labels of every resource (`resources.<name>.name|fields.<source>`). Form fields
 * take their labels from @alliance/domain's FIELD_LABEL; filter keys that name the same thing
 * (schoolType = school.type, …) reuse that label. Only the console's own columns are written here.
 */

const L = (zh: string, en: string): Label => ({ zh, en });
const F = FIELD_LABEL;
const DOMAIN: Readonly<Record<string, Label>> = FIELD_LABEL;
/**
 * The domain's label of a field when the library has one, else the console's own. (The
 * library grows labels for exports; as soon as it names a field, its label is used.)
 */
const own = (key: string, zh: string, en: string): Label => DOMAIN[key] ?? L(zh, en);

const COMMON = {
  id: own('id', '编号', 'ID'),
  q: L('关键词', 'Search'),
  createdAt: own('createdAt', '创建时间', 'Created'),
  updatedAt: own('updatedAt', '更新时间', 'Updated'),
};

/** Filter keys of the lists that stand for a form field. */
const FILTER_FIELDS = {
  schoolType: F['school.type'],
  schoolHonors: F['school.honors'],
  departmentCategory: F['departments.category'],
  province: F['school.province'],
};

/** The console's columns of an application; the domain's FIELD_LABEL (spread after) wins on any shared key. */
const APPLICATION_EXTRAS: Record<string, Label> = {
  ...COMMON,
  ...FILTER_FIELDS,
  school: F['school.name'],
  department: F.departmentId,
  'department.name': F['departments.name'],
  'department.category': F['departments.category'],
  ownerId: own('ownerId', '申报人', 'Applicant'),
  findings: own('findings', '资格审查结果', 'Eligibility findings'),
  quota: own('quota', '名额使用', 'Quota use'),
  attachments: own('attachments', '附件', 'Attachments'),
  allowedActions: own('allowedActions', '可执行操作', 'Available actions'),
  lastComment: own('lastComment', '审核意见', 'Reviewer comment'),
  submittedAt: own('submittedAt', '提交时间', 'Submitted'),
};

const APPLICATION_FIELDS: Record<string, Label> = {
  ...APPLICATION_EXTRAS,
  ...F,
  // An application's kind (council/member) is not the roster's kind of member.
  kind: L('申报类型', 'Kind of application'),
};

export const RESOURCES: Readonly<Record<string, { name: Label; fields: Record<string, Label> }>> = {
  'council-applications': { name: APPLICATION_KIND.council, fields: APPLICATION_FIELDS },
  'member-applications': { name: APPLICATION_KIND.member, fields: APPLICATION_FIELDS },
  members: {
    name: L('成员名录', 'Roster'),
    fields: {
      ...COMMON,
      ...FILTER_FIELDS,
      kind: own('kind', '成员类别', 'Kind'),
      name: F.name,
      organization: own('organization', '所在单位', 'Organization'),
      departmentNames: F['departments.name'],
      departmentCategories: F['departments.category'],
      seat: F.seat,
      targetGroup: F.targetGroup,
      title: F.title,
      position: F.position,
      duty: own('duty', '专家职责', 'Duty'),
      mobile: F.mobile,
      email: F.email,
      batchId: F.batchId,
      admittedAt: own('admittedAt', '入盟时间', 'Admitted'),
    },
  },
  invitations: {
    name: L('特邀邀请', 'Invitations'),
    fields: {
      ...COMMON,
      email: F.email,
      name: F.name,
      role: own('role', '角色', 'Role'),
      duty: own('duty', '专家职责', 'Duty'),
      organization: own('organization', '所在单位', 'Organization'),
      message: own('message', '邀请附言', 'Message'),
      state: F.state,
      expiresAt: own('expiresAt', '有效期至', 'Expires'),
      acceptedAt: own('acceptedAt', '接受时间', 'Accepted'),
    },
  },
  emails: {
    name: L('邮件记录', 'Mail log'),
    fields: {
      ...COMMON,
      template: own('template', '邮件类型', 'Template'),
      toEmail: own('toEmail', '收件人', 'To'),
      subject: own('subject', '主题', 'Subject'),
      applicationKind: own('applicationKind', '申报类型', 'Application kind'),
      applicationId: own('applicationId', '申报编号', 'Application ID'),
      status: own('status', '发送状态', 'Status'),
      attempts: own('attempts', '发送次数', 'Attempts'),
      lastError: own('lastError', '最近错误', 'Last error'),
      messageId: own('messageId', '邮件 ID', 'Message ID'),
      sentAt: own('sentAt', '发送时间', 'Sent'),
    },
  },
  'audit-events': {
    name: L('审计日志', 'Audit log'),
    fields: {
      ...COMMON,
      actorId: own('actorId', '操作人编号', 'Actor ID'),
      actorEmail: own('actorEmail', '操作人', 'Actor'),
      action: own('action', '操作', 'Action'),
      entity: own('entity', '对象类型', 'Entity'),
      entityId: own('entityId', '对象编号', 'Entity ID'),
      data: own('data', '详情', 'Details'),
      at: own('at', '时间', 'Time'),
    },
  },
  users: {
    name: L('用户', 'Users'),
    fields: {
      ...COMMON,
      email: F.email,
      name: F.name,
      password: own('password', '密码', 'Password'),
      roles: own('roles', '角色', 'Roles'),
      role: own('role', '角色', 'Role'),
      schoolId: F.schoolId,
      active: own('active', '已启用', 'Active'),
      emailVerified: own('emailVerified', '邮箱已验证', 'Email verified'),
    },
  },
  batches: {
    name: F.batchId,
    fields: {
      ...COMMON,
      name: L('批次名称', 'Name'),
      opensAt: L('开始时间', 'Opens'),
      deadline: L('截止时间', 'Deadline'),
    },
  },
  schools: {
    name: L('学校', 'Schools'),
    fields: {
      ...COMMON,
      name: F['school.name'],
      type: F['school.type'],
      ownership: F['school.ownership'],
      honors: F['school.honors'],
      honorsOther: F['school.honorsOther'],
      province: F['school.province'],
    },
  },
  departments: {
    name: L('二级院系', 'Departments'),
    fields: {
      ...COMMON,
      name: F['departments.name'],
      category: F['departments.category'],
      schoolId: F.schoolId,
      schoolName: F['school.name'],
      councilApplicationId: own('councilApplicationId', '理事单位申报编号', 'Council application'),
    },
  },
};

/** `{ <resource>: { name, fields } }` in one language. Field keys may contain dots (nested sources). */
export function resourceMessages(lang: Lang): Record<string, { name: string; fields: Record<string, string> }> {
  return Object.fromEntries(
    Object.entries(RESOURCES).map(([resource, { name, fields }]) => [
      resource,
      {
        name: name[lang],
        fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v[lang]])),
      },
    ]),
  );
}
