import { codesOf, EMAIL_TEMPLATE } from '@alliance/domain';
import { seal } from '../../apps/api/src/common/secrets';
import { escapeHtml, isSealed, renderEmail } from '../../apps/api/src/notifications/templates';

const SECRET = 'test-secret-of-at-least-32-characters-0123';
const send = { secret: SECRET, revealSecrets: true };

const application = {
  recipientName: '李明', applicationTitle: '<i>某某</i>职业技术学院理事单位申报', applicationKindLabel: '理事单位（学校）申报',
  schoolName: '某某职业技术学院 & 附属中专', state: 'returned', stateLabel: '退回修改', action: 'return', actionLabel: '退回修改',
  comment: '请补充"盖章扫描件"<script>alert(1)</script>', actorName: '王审核', link: 'http://console.test/#/council-applications/7/show',
};
const DATA: Record<string, Record<string, unknown>> = {
  invitation: {
    name: '赵教授', role: 'expert', roleLabel: '特邀专家', duty: 'organize', dutyLabel: '组织', message: '<b>欢迎</b>',
    inviterName: '联盟负责人', expiresAt: '2026-12-01T00:00:00Z', link: seal('http://console.test/#/accept-invitation?token=T0K3N', SECRET),
  },
  verify_email: { name: '新老师', link: seal('http://console.test/#/verify-email?token=V3R1FY', SECRET) },
  deadline_reminder: { ...application, state: 'draft', stateLabel: '草稿', comment: null, batchName: '2026年第二批', deadline: '2026-12-15T15:59:59Z', daysLeft: 3 },
  review_reminder: { ...application, state: 'submitted', stateLabel: '已提交', comment: null, submittedAt: '2026-11-20T02:00:00Z', waitingDays: 5 },
};

describe('one template per EMAIL_TEMPLATE code', () => {
  test.each(codesOf(EMAIL_TEMPLATE))('%s renders a Chinese subject, HTML and plain text', (template) => {
    const mail = renderEmail(template, DATA[template] ?? application, send);
    expect(mail.subject).toMatch(/^【[\u4e00-\u9fa5]+】/);
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.html).toMatch(/^<!DOCTYPE html>/);
    expect(mail.html).toContain('职业院校装备制造类二级院系协同创新联盟');
    expect(mail.text).toContain('请勿直接回复');
    expect(mail.html).not.toMatch(/<script|<i>|<b>欢迎/);
    expect(mail.text).toMatch(/http:\/\/console\.test\/#\//);
  });

  test('workflow mails carry the application, the school, the new state, the comment and the link', () => {
    const mail = renderEmail('returned', application, send);
    expect(mail.subject).toBe('【退回修改】<i>某某</i>职业技术学院理事单位申报');
    for (const part of ['申报事项：<i>某某</i>职业技术学院理事单位申报', '学校：某某职业技术学院 & 附属中专', '当前状态：退回修改',
      '审核意见：', '请补充"盖章扫描件"<script>alert(1)</script>', '登录系统查看申报：http://console.test/#/council-applications/7/show']) {
      expect(mail.text).toContain(part);
    }
    expect(mail.html).toContain('&lt;i&gt;某某&lt;/i&gt;');
    expect(mail.html).toContain('某某职业技术学院 &amp; 附属中专');
    expect(mail.html).toContain('请补充&quot;盖章扫描件&quot;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('href="http://console.test/#/council-applications/7/show"');
  });

  test('only http(s) links become clickable', () => {
    const mail = renderEmail('admitted', { ...application, link: 'javascript:alert(1)' }, send);
    expect(mail.html).not.toContain('javascript:');
    expect(mail.text).not.toContain('javascript:');
  });

  test('sealed links are opened for sending and withheld from a preview', () => {
    expect(isSealed(DATA.invitation.link)).toBe(true);
    expect(isSealed('http://console.test/#/x')).toBe(false);
    const sent = renderEmail('invitation', DATA.invitation, send);
    expect(sent.text).toContain('接受邀请：http://console.test/#/accept-invitation?token=T0K3N');
    expect(sent.text).toContain('有效期至：2026年12月1日 08:00');
    expect(sent.text).toContain('<b>欢迎</b>');
    const preview = renderEmail('invitation', DATA.invitation, { secret: SECRET, revealSecrets: false });
    expect(preview.text + preview.html).not.toContain('T0K3N');
    expect(preview.subject).toBe(sent.subject);
    expect(() => renderEmail('verify_email', DATA.verify_email, { secret: 'another-secret-of-at-least-32-characters', revealSecrets: true })).toThrow();
  });

  test('reminders name the deadline and the waiting time in Beijing time', () => {
    expect(renderEmail('deadline_reminder', DATA.deadline_reminder, send).subject).toBe('【截止提醒】2026年第二批将于2026年12月15日 23:59截止');
    expect(renderEmail('review_reminder', DATA.review_reminder, send).text).toContain('已于2026年11月20日 10:00提交，已等待学校审核5天');
  });

  test('escapeHtml', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
