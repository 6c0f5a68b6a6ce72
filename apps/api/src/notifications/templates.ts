import { EMAIL_TEMPLATE, type EmailTemplate } from '@alliance/domain';
import { unseal } from '../common/secrets';

/**
 * The mail templates, in Chinese, one per code of EMAIL_TEMPLATE. Each template is a small spec
 * (subject, paragraphs, facts, quoted comment, action link, notes) rendered by one layout into
 * HTML and plain text, so every interpolated value passes through the same escaping.
 */

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export interface RenderOptions {
  /** TOKEN_SECRET: opens the sealed links of the outbox (common/secrets.ts). */
  secret: string;
  /**
   * true when rendering the mail that is sent; false for a staff preview, which must not show
   * a single-use token (verification or invitation link) to anyone but its recipient.
   */
  revealSecrets: boolean;
}

export const ALLIANCE_NAME = '职业院校装备制造类二级院系协同创新联盟';
const SYSTEM_NAME = `${ALLIANCE_NAME}成员征集系统`;
const HIDDEN_LINK = '（含一次性令牌的链接仅在发给收件人的邮件中显示）';

// --- values ------------------------------------------------------------------------------------

/** What AES-GCM `seal()` produces: iv (12 bytes) . tag (16 bytes) . body, each base64url. */
const SEALED = /^[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/;

export const isSealed = (v: unknown): v is string => typeof v === 'string' && SEALED.test(v);

/** The template data with every sealed value opened (sending) or withheld (preview). */
export function openData(data: Record<string, unknown>, opts: RenderOptions): { values: Record<string, unknown>; hidden: Set<string> } {
  const values: Record<string, unknown> = {};
  const hidden = new Set<string>();
  for (const [key, value] of Object.entries(data ?? {})) {
    if (!isSealed(value)) {
      values[key] = value;
    } else if (opts.revealSecrets) {
      values[key] = unseal(value, opts.secret); // throws on a wrong key: a permanent failure
    } else {
      values[key] = null;
      hidden.add(key);
    }
  }
  return { values, hidden };
}

class View {
  constructor(
    private readonly values: Record<string, unknown>,
    private readonly hidden: Set<string>,
  ) {}

  /** A value as display text; missing values are empty. */
  s(key: string): string {
    const v = this.values[key];
    if (v === null || v === undefined) return '';
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return JSON.stringify(v);
  }

  isHidden(key: string): boolean {
    return this.hidden.has(key);
  }

  /** A timestamp as Beijing time, e.g. 2024年4月15日 23:59. */
  time(key: string): string {
    return formatBeijingTime(this.s(key));
  }
}

export function formatBeijingTime(value: string): string {
  const t = new Date(value);
  if (!value || Number.isNaN(t.getTime())) return value;
  const b = new Date(t.getTime() + 8 * 3600 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${b.getUTCFullYear()}年${b.getUTCMonth() + 1}月${b.getUTCDate()}日 ${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())}`;
}

// --- specs -------------------------------------------------------------------------------------

type Fact = [label: string, value: string];

interface Spec {
  subject(d: View): string;
  greeting?(d: View): string;
  paragraphs(d: View): string[];
  facts?(d: View): Fact[];
  quote?(d: View): { label: string; text: string } | null;
  action?(d: View): { label: string; linkKey: string };
  notes?(d: View): string[];
}

const title = (d: View) => d.s('applicationTitle');
const kind = (d: View) => d.s('applicationKindLabel') || '申报';

/** The application, the school, the new state and who acted: carried by every workflow mail. */
const applicationFacts = (d: View): Fact[] => [
  ['申报事项', title(d)],
  ['申报类型', d.s('applicationKindLabel')],
  ['学校', d.s('schoolName')],
  ['当前状态', d.s('stateLabel')],
  ...(d.s('actionLabel') ? [['办理环节', d.s('actionLabel')] as Fact] : []),
  ...(d.s('actorName') ? [['办理人', d.s('actorName')] as Fact] : []),
];

const reviewerComment = (d: View) => (d.s('comment') ? { label: '审核意见', text: d.s('comment') } : null);
const openApplication = () => ({ label: '登录系统查看申报', linkKey: 'link' });

const workflow = (spec: Pick<Spec, 'subject' | 'paragraphs'> & Partial<Spec>): Spec => ({
  facts: applicationFacts,
  quote: reviewerComment,
  action: openApplication,
  ...spec,
});

const SPECS: Record<EmailTemplate, Spec> = {
  submitted_receipt: workflow({
    subject: (d) => `【申报回执】${title(d)}已提交`,
    paragraphs: (d) => [
      `您的${kind(d)}“${title(d)}”已成功提交，现进入学校审核环节。`,
      '学校审核通过后将提交中心审核，每一步的结果都会以邮件通知您。',
    ],
  }),
  submitted_school: workflow({
    subject: (d) => `【待学校审核】${title(d)}`,
    paragraphs: (d) => [
      `${d.s('schoolName')}有一份${kind(d)}“${title(d)}”已由申报人提交，等待学校审核。`,
      '请登录系统核对申报材料，填写学校意见后通过或退回。',
    ],
  }),
  school_approved_applicant: workflow({
    subject: (d) => `【学校审核通过】${title(d)}`,
    paragraphs: (d) => [`您的${kind(d)}“${title(d)}”已通过学校审核，现提交中心审核。`],
  }),
  school_approved_center: workflow({
    subject: (d) => `【待中心审核】${title(d)}`,
    paragraphs: (d) => [
      `${d.s('schoolName')}的${kind(d)}“${title(d)}”已通过学校审核，等待中心审核。`,
      '请登录系统审核。',
    ],
  }),
  center_reviewed_lead: workflow({
    subject: (d) => `【待审批入盟】${title(d)}`,
    paragraphs: (d) => [
      `${kind(d)}“${title(d)}”已通过中心审核，等待联盟负责人审批入盟。`,
      '请登录系统审批。',
    ],
  }),
  admitted: workflow({
    subject: (d) => `【入盟通知】${title(d)}`,
    paragraphs: (d) => [
      `经联盟负责人审批，“${title(d)}”已被接纳为${ALLIANCE_NAME}成员。`,
      '祝贺！联盟后续工作安排将另行通知。',
    ],
  }),
  returned: workflow({
    subject: (d) => `【退回修改】${title(d)}`,
    paragraphs: (d) => [`您的${kind(d)}“${title(d)}”被退回修改。`],
    notes: () => ['请根据审核意见修改申报材料后重新提交。'],
  }),
  rejected: workflow({
    subject: (d) => `【审核未通过】${title(d)}`,
    paragraphs: (d) => [`很遗憾，您的${kind(d)}“${title(d)}”未通过审核。`],
    notes: () => ['如对审核结果有疑问，请与联盟秘书处联系。'],
  }),
  invitation: {
    subject: (d) => `【特邀函】诚邀您担任${ALLIANCE_NAME}${d.s('roleLabel')}`,
    greeting: (d) => greet(d.s('name')),
    paragraphs: (d) => [
      `${d.s('inviterName') ? `${d.s('inviterName')}代表` : ''}${ALLIANCE_NAME}诚挚邀请您担任${d.s('roleLabel')}` +
        `${d.s('dutyLabel') ? `，参与联盟的${d.s('dutyLabel')}工作` : ''}。`,
      '请点击下方链接接受邀请并设置登录密码。',
    ],
    facts: (d) => [
      ['受邀角色', d.s('roleLabel')],
      ...(d.s('dutyLabel') ? [['职责', d.s('dutyLabel')] as Fact] : []),
      ...(d.s('inviterName') ? [['邀请人', d.s('inviterName')] as Fact] : []),
      ...(d.s('expiresAt') ? [['有效期至', d.time('expiresAt')] as Fact] : []),
    ],
    quote: (d) => (d.s('message') ? { label: '邀请附言', text: d.s('message') } : null),
    action: () => ({ label: '接受邀请', linkKey: 'link' }),
    notes: () => ['邀请链接只能使用一次，过期后失效，请勿转发。如您并不认识邀请人，请忽略本邮件。'],
  },
  verify_email: {
    subject: () => '【邮箱验证】请验证您的注册邮箱',
    greeting: (d) => greet(d.s('name')),
    paragraphs: () => [`感谢您注册${SYSTEM_NAME}。请点击下方链接验证邮箱，完成注册。`],
    action: () => ({ label: '验证邮箱', linkKey: 'link' }),
    notes: () => ['验证链接48小时内有效，只能使用一次。如非本人操作，请忽略本邮件。'],
  },
  deadline_reminder: workflow({
    subject: (d) => `【截止提醒】${d.s('batchName') || '本批次'}将于${d.time('deadline')}截止`,
    paragraphs: (d) => [
      `您的${kind(d)}“${title(d)}”尚未提交（当前状态：${d.s('stateLabel')}）。`,
      `${d.s('batchName') || '本批次'}将于${d.time('deadline')}（北京时间）截止填报` +
        `${d.s('daysLeft') ? `，距截止还有${d.s('daysLeft')}天` : ''}，逾期将不能提交。请尽快完成填报并提交。`,
    ],
    facts: (d) => [...applicationFacts(d), ['截止时间', d.time('deadline')]],
  }),
  review_reminder: workflow({
    subject: (d) => `【待审核提醒】${title(d)}已等待${d.s('waitingDays')}天`,
    paragraphs: (d) => [
      `${d.s('schoolName')}的${kind(d)}“${title(d)}”已于${d.time('submittedAt')}提交，` +
        `已等待学校审核${d.s('waitingDays')}天。`,
      '请尽快登录系统审核。',
    ],
    facts: (d) => [...applicationFacts(d), ['提交时间', d.time('submittedAt')]],
  }),
};

const greet = (name: string) => (name ? `${name}，您好：` : '您好：');

// --- rendering ---------------------------------------------------------------------------------

export function renderEmail(template: EmailTemplate, data: Record<string, unknown>, opts: RenderOptions): RenderedEmail {
  const spec = SPECS[template];
  if (!spec) throw new Error(`unknown mail template "${template}"`);
  const { values, hidden } = openData(data, opts);
  const d = new View(values, hidden);
  const subject = oneLine(spec.subject(d)) || EMAIL_TEMPLATE[template].zh;
  const greeting = spec.greeting?.(d) ?? greet(d.s('recipientName'));
  const paragraphs = spec.paragraphs(d).filter(Boolean);
  const facts = (spec.facts?.(d) ?? []).filter(([, v]) => v !== '');
  const quote = spec.quote?.(d) ?? null;
  const notes = spec.notes?.(d) ?? [];
  const actionSpec = spec.action?.(d);
  const action = actionSpec
    ? { label: actionSpec.label, url: safeUrl(d.s(actionSpec.linkKey)), hidden: d.isHidden(actionSpec.linkKey) }
    : null;
  return {
    subject,
    html: html({ subject, greeting, paragraphs, facts, quote, action, notes }),
    text: text({ greeting, paragraphs, facts, quote, action, notes }),
  };
}

interface Parts {
  subject?: string;
  greeting: string;
  paragraphs: string[];
  facts: Fact[];
  quote: { label: string; text: string } | null;
  action: { label: string; url: string | null; hidden: boolean } | null;
  notes: string[];
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const escLines = (value: string) => escapeHtml(value).replace(/\r?\n/g, '<br>');
const oneLine = (value: string) => value.replace(/[\r\n\t]+/g, ' ').trim().slice(0, 200);

/** Only absolute http(s) links become clickable. */
function safeUrl(value: string): string | null {
  return /^https?:\/\/[^\s]+$/i.test(value) ? value : null;
}

const FONT = `-apple-system,'PingFang SC','Microsoft YaHei','Helvetica Neue',Arial,sans-serif`;

function html(p: Parts): string {
  const rows = p.facts.map(([label, value]) =>
    `<tr><td style="padding:4px 12px 4px 0;color:#666;white-space:nowrap;vertical-align:top">${escapeHtml(label)}</td>` +
    `<td style="padding:4px 0;color:#222">${escLines(value)}</td></tr>`).join('');
  const action = !p.action ? '' : p.action.url
    ? `<p style="margin:24px 0"><a href="${escapeHtml(p.action.url)}" style="display:inline-block;padding:10px 20px;background:#1f5fbf;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(p.action.label)}</a></p>` +
      `<p style="color:#888;font-size:12px;word-break:break-all">如按钮无法打开，请复制以下链接到浏览器：<br>${escapeHtml(p.action.url)}</p>`
    : p.action.hidden ? `<p style="color:#888">${escapeHtml(p.action.label)}：${escapeHtml(HIDDEN_LINK)}</p>` : '';
  return [
    '<!DOCTYPE html>',
    `<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(p.subject ?? '')}</title></head>`,
    `<body style="margin:0;padding:24px 12px;background:#f3f5f8;font-family:${FONT}">`,
    '<div style="max-width:600px;margin:0 auto;background:#fff;border:1px solid #e3e7ee;border-radius:6px;padding:24px 28px;color:#222;font-size:14px;line-height:1.75">',
    `<div style="font-size:13px;color:#1f5fbf;font-weight:600;border-bottom:1px solid #e3e7ee;padding-bottom:10px;margin-bottom:18px">${escapeHtml(ALLIANCE_NAME)}</div>`,
    `<p>${escapeHtml(p.greeting)}</p>`,
    ...p.paragraphs.map((para) => `<p>${escLines(para)}</p>`),
    rows ? `<table role="presentation" style="border-collapse:collapse;margin:16px 0;font-size:14px">${rows}</table>` : '',
    p.quote
      ? `<div style="margin:16px 0;padding:12px 16px;background:#fff8e6;border-left:4px solid #f0a020"><div style="color:#8a5a00;font-weight:600;margin-bottom:4px">${escapeHtml(p.quote.label)}</div><div>${escLines(p.quote.text)}</div></div>`
      : '',
    action,
    ...p.notes.map((n) => `<p style="color:#555">${escLines(n)}</p>`),
    `<p style="margin-top:28px;padding-top:12px;border-top:1px solid #e3e7ee;color:#999;font-size:12px">此邮件由${escapeHtml(SYSTEM_NAME)}自动发送，请勿直接回复。</p>`,
    '</div></body></html>',
  ].filter(Boolean).join('\n');
}

function text(p: Parts): string {
  const lines: string[] = [p.greeting, ''];
  for (const para of p.paragraphs) lines.push(para, '');
  if (p.facts.length) {
    for (const [label, value] of p.facts) lines.push(`${label}：${value}`);
    lines.push('');
  }
  if (p.quote) lines.push(`${p.quote.label}：`, ...p.quote.text.split(/\r?\n/).map((l) => `  ${l}`), '');
  if (p.action?.url) lines.push(`${p.action.label}：${p.action.url}`, '');
  else if (p.action?.hidden) lines.push(`${p.action.label}：${HIDDEN_LINK}`, '');
  for (const n of p.notes) lines.push(n, '');
  lines.push('--', `此邮件由${SYSTEM_NAME}自动发送，请勿直接回复。`);
  return lines.join('\n');
}

/** The subject alone, without opening any sealed value (for the log of rows not yet sent). */
export function renderSubject(template: EmailTemplate, data: Record<string, unknown>): string {
  try {
    return renderEmail(template, data, { secret: '', revealSecrets: false }).subject;
  } catch {
    return EMAIL_TEMPLATE[template]?.zh ?? template;
  }
}
