import type { Label } from '@alliance/domain';

/**
 * The console's own words (menus, pages, dialogs, the paper forms' fixed text), each with its
 * Chinese and English. Codes and field labels are not here: they come from @alliance/domain.
 */
const L = (zh: string, en: string): Label => ({ zh, en });

export interface LabelTree {
  [key: string]: Label | LabelTree;
}

export const APP_MESSAGES = {
  name: L('职业院校装备制造类二级院系协同创新联盟', 'Alliance of Equipment-Manufacturing Departments of Vocational Schools'),
  subtitle: L('成员征集系统（机教中〔2024〕9号）', 'Membership campaign (notice 2024-9)'),
  common: {
    retry: L('重试', 'Retry'),
    load_error: L('加载失败', 'Could not load'),
    actions: L('操作', 'Actions'),
  },
  menu: {
    my_applications: L('我的申报', 'My applications'),
    profile: L('个人资料', 'My profile'),
    queues: L('队列监控', 'Mail queues'),
  },
  tabs: {
    form: L('申报表', 'Form'),
    attachments: L('附件', 'Attachments'),
    history: L('审核记录', 'History'),
    emails: L('相关邮件', 'Mails'),
  },
  header: {
    submitted_at: L('提交于 %{at}', 'Submitted %{at}'),
    updated_at: L('更新于 %{at}', 'Updated %{at}'),
    editable_hint: L(
      '可修改本申报表。修改后请先保存，再上传盖章扫描件并提交。',
      'You may change this form. Save your changes, upload the sealed scan, then submit.',
    ),
  },
  comment: {
    returned: L('申报已被退回修改，审核意见：', 'Returned for changes. Comment:'),
    rejected: L('申报未通过，审核意见：', 'Rejected. Comment:'),
  },
  findings: {
    none: L('资格审查未发现问题。', 'No eligibility findings.'),
    none_applicant: L('资格审查未发现阻止提交的问题。', 'Nothing blocks the submission.'),
    blocking: L('%{smart_count} 项不符合申报条件', '1 blocking finding |||| %{smart_count} blocking findings'),
    blocking_applicant: L(
      '以下 %{smart_count} 项问题需先解决才能提交',
      'Fix this before submitting |||| Fix these %{smart_count} problems before submitting',
    ),
    warnings: L('%{smart_count} 项提示', '1 warning |||| %{smart_count} warnings'),
    block_count: L('阻止 %{count}', '%{count} blocking'),
    warn_count: L('提示 %{count}', '%{count} warnings'),
  },
  quota: {
    title: L('名额使用', 'Quota use'),
    departments: L('%{school} 本批次已占用的二级院系名额', 'Departments held by %{school} in this batch'),
    seats: L('%{department} 的“%{seat}”名额', '“%{seat}” seats of %{department}'),
    exception: L(
      '联盟负责人已批准名额例外：%{reason}（%{by}，%{at}）',
      'The lead granted a quota exception: %{reason} (%{by}, %{at})',
    ),
    grant_exception: L('批准名额例外', 'Grant quota exception'),
    change_exception: L('修改名额例外', 'Change quota exception'),
    exception_help: L(
      '通知规定名额“原则上”不超过限额。为“%{title}”批准例外后，名额规则不再阻止该申报。请写明理由。',
      'Quotas apply “in principle”. An exception for “%{title}” lifts the quota rule for it. Give the reason.',
    ),
    reason: L('理由', 'Reason'),
    granted: L('已为“%{title}”批准名额例外', 'Quota exception granted for “%{title}”'),
  },
  transition: {
    no_undo: L(
      '确认后立即生效并发送通知邮件，无法撤销。',
      'This takes effect at once and sends notification mail; it cannot be undone.',
    ),
    comment_required: L('审核意见（必填，将发送给申报人）', 'Comment (required, sent to the applicant)'),
    comment_optional: L('审核意见（选填）', 'Comment (optional)'),
    confirm: L('确认%{action}', 'Confirm: %{action}'),
    done: L('操作成功（%{action}）：%{title}', 'Done (%{action}): %{title}'),
    blocked: L('存在阻止提交的问题，请先按资格审查结果修改', 'Blocking findings: fix them first'),
    describe: {
      submit: L(
        '提交“%{title}”的最近一次保存的内容。提交后不能再修改，除非被退回。',
        'Submit the last saved version of “%{title}”. It cannot be changed afterwards unless it is returned.',
      ),
      withdraw: L('撤回“%{title}”。撤回后该申报不再占用名额。', 'Withdraw “%{title}”. It will no longer hold a seat.'),
      school_approve: L('同意“%{title}”，报送中心审核。', 'Approve “%{title}” and send it to the center.'),
      center_approve: L('中心审核通过“%{title}”，报联盟负责人审批。', 'Approve “%{title}” and send it to the lead.'),
      admit: L('批准“%{title}”入盟，列入成员名录。', 'Admit “%{title}” into the roster.'),
      return: L('将“%{title}”退回申报人修改。', 'Return “%{title}” to the applicant for changes.'),
      reject: L('“%{title}”不予通过。', 'Reject “%{title}”.'),
    },
  },
  bulk: {
    describe: L(
      '将对选中的 %{smart_count} 条申报执行“%{action}”。',
      '“%{action}” will be applied to 1 selected application. |||| “%{action}” will be applied to %{smart_count} selected applications.',
    ),
    skipped: L(
      '另有 %{smart_count} 条当前不能执行此操作，将跳过。',
      '1 other selected application does not allow it and is skipped. |||| %{smart_count} other selected applications do not allow it and are skipped.',
    ),
    done: L('“%{action}”：%{succeeded} 条已完成', '%{action}: %{succeeded} done'),
    partly_done: L(
      '“%{action}”：%{succeeded} 条已完成，%{failed} 条失败（%{error}）',
      '%{action}: %{succeeded} done, %{failed} failed (%{error})',
    ),
    all_failed: L('“%{action}”：%{failed} 条全部失败（%{error}）', '%{action}: all %{failed} failed (%{error})'),
  },
  attachments: {
    upload: L('上传', 'Upload'),
    replace: L('重新上传', 'Replace'),
    uploading: L('上传中…', 'Uploading…'),
    uploaded: L('已上传：%{name}', 'Uploaded: %{name}'),
    missing: L('尚未上传（%{types}，不超过 %{max}）', 'Not uploaded yet (%{types}, at most %{max})'),
    bad_type: L('文件类型不符，请上传 %{types} 文件', 'Wrong file type: upload %{types}'),
    too_big: L('文件太大，不能超过 %{max}', 'File too large: at most %{max}'),
    open: L('在新窗口打开', 'Open in a new window'),
    preview: L('预览', 'Preview'),
    load_error: L('无法加载附件', 'Could not load the attachment'),
    no_pdf_viewer: L('浏览器无法显示 PDF，请在新窗口打开。', 'This browser cannot show the PDF: open it in a new window.'),
    no_photo: L('未上传照片', 'No photo'),
    help: L(
      '申报表须经所在单位同意并加盖公章，同步上传扫描件（PDF、JPG 或 PNG）。新上传的文件会替换旧文件。',
      'The form must be approved and sealed by your school; upload the scan (PDF, JPG or PNG). A new upload replaces the old file.',
    ),
  },
  history: {
    empty: L('暂无审核记录', 'No history yet'),
    by: L('%{role} %{name}', '%{role} %{name}'),
  },
  emails: {
    none: L('暂无相关邮件', 'No mails about this application'),
    not_allowed: L('您无权查看邮件记录', 'You may not see the mail log'),
    resend: L('重新发送', 'Resend'),
    resend_confirm: L('重新发送“%{subject}”给 %{to}？', 'Send “%{subject}” to %{to} again?'),
    resent: L('已重新排队发送给 %{to}', 'Queued again for %{to}'),
    details: L('邮件信息', 'Mail'),
    preview: L('邮件预览', 'Preview'),
    html: L('网页版', 'HTML'),
    text: L('纯文本', 'Text'),
  },
  export: {
    csv: L('导出 CSV', 'Export CSV'),
    xlsx: L('导出 Excel', 'Export Excel'),
    title: L('正在导出 %{format}', 'Exporting %{format}'),
    received: L('已接收 %{size}', '%{size} received'),
    size_unknown: L('总大小未知', 'size unknown'),
    hint: L('导出当前筛选条件下的全部记录，导出操作将记入审计日志。', 'Every row of the current filter is exported; the export is recorded in the audit log.'),
    done: L('已保存 %{name}（%{size}）', 'Saved %{name} (%{size})'),
  },
  filters: {
    all_states: L('全部状态', 'All states'),
  },
  form: {
    save_draft: L('保存草稿', 'Save draft'),
    create_hint: L(
      '先保存草稿，之后即可上传盖章扫描件并提交。未填完的内容可以稍后补充。',
      'Save a draft first; then you can upload the sealed scan and submit. You may complete the form later.',
    ),
    school_fixed: L('学校信息来自注册，如需更正请联系联盟秘书处。', 'School details come from your registration; ask the secretariat to correct them.'),
    batch_deadline: L('（截止 %{deadline}）', ' (deadline %{deadline})'),
  },
  council: {
    paper_title: L('“职业院校装备制造类二级院系协同创新联盟”理事单位（学校）申报表', 'Council unit (school) application form'),
    section: {
      school: L('学校基本情况', 'School'),
      representative: L('理事单位代表人', 'Representative'),
      contact: L('理事单位联系人', 'Contact person'),
      departments: L('本校拟参加联盟的二级院系信息', 'Departments joining the alliance'),
      opinion: L('学校意见', 'School opinion'),
      suggestions: L('对联盟工作的意见建议', 'Suggestions'),
    },
    department_n: L('第 %{n} 个二级院系', 'Department %{n}'),
    departments_help: L('原则上一所院校限报 %{max} 个二级院系。', 'At most %{max} departments per school, in principle.'),
    no_departments: L('未填写二级院系', 'No departments'),
    strong_majors_help: L('输入专业名称后按回车添加，1 至 %{max} 个', 'Type a major and press Enter; 1 to %{max}'),
    equipment_share_help: L(
      '申报条件：近5年装备制造类专业数量占比平均不低于 %{min}%',
      'Condition: at least %{min}% on average over 5 years',
    ),
    opinion_text: L(
      '同意本校及相关二级院系参加联盟，推荐%{name}同志作为学校代表担任理事等工作，愿意为参加联盟的二级院系及相关人员开展工作提供必要的条件和支持。',
      'The school agrees that it and its departments join the alliance, recommends %{name} as its representative on the council, and will support the departments and people taking part.',
    ),
    opinion_blank: L('（下方填写）', '(below)'),
    notes: L(
      '注：1. 本表由拟参加联盟的学校填写，各栏目内容可另附页填写。2. 线上信息填报时，本表的盖章扫描件须同步上传。',
      'Notes: 1. Filled in by the school; any section may continue on extra pages. 2. Upload the sealed scan of this form with the online entry.',
    ),
  },
  member: {
    paper_title: L('“职业院校装备制造类二级院系协同创新联盟”成员（个人）申报表', 'Individual member application form'),
    section: {
      school: L('学校与院系', 'School and department'),
      person: L('个人信息', 'Personal details'),
      achievements: L('代表性教研和科研成果', 'Representative teaching and research results'),
      experience: L('主要受教育和工作经历', 'Education and career'),
      awards: L('获奖情况', 'Awards'),
      memberships: L('参加何种专业（学术）组织、担任何种职务', 'Professional (academic) organizations and positions'),
      commitment: L('个人承诺', 'Personal commitment'),
      opinion: L('所在学校意见', 'Opinion of the school'),
      suggestions: L('对联盟工作的意见建议', 'Suggestions'),
    },
    department_help: L(
      '须是本校理事单位申报表中填写的二级院系；列表为空时请先填写并保存学校的理事单位申报表。',
      'One of the departments of your school’s council application; if the list is empty, the school form must be saved first.',
    ),
    seat_help: L('每个二级院系限报 1 名主要负责人和 2 名专业（群）带头人', 'Per department: 1 main leader and 2 program leaders'),
    target_group_help: L('优秀青年教师年龄不超过 %{age} 岁（按本批次截止时间计算）', 'Young teachers: at most %{age} at the batch deadline'),
    teaching_years_help: L('原则上应具有 %{min} 年以上教育教学经验', 'In principle at least %{min} years of teaching'),
    position_text: {
      vice_dean: L('主管的工作（主管___工作）', 'Work in charge of'),
      program_leader: L('负责的专业（群）（负责___专业（群））', 'Program (group) led'),
      other: L('其它职务', 'Other position'),
    },
    commitment_text: L(
      '自愿加入本联盟，保证所填信息及提供资料真实可靠，愿意做为本校代表参加联盟相关工作，自觉遵守该联盟相关规定和要求，能够保障必要的时间和精力投入联盟工作。',
      'I join the alliance of my own will, warrant that the information given is true, am willing to represent my school in its work, will follow its rules, and can give it the time and effort needed.',
    ),
    commitment_accept: L('本人已阅读并同意以上承诺', 'I have read and accept this commitment'),
    notes: L(
      '注：1. 本表由拟参加联盟的个人填写，须获得所在二级院系认可同意，相关表栏空间不足可另附页填报。2. 线上信息填报时，本表的盖章扫描件须同步上传。',
      'Notes: 1. Filled in by the applicant with the consent of the department; any section may continue on extra pages. 2. Upload the sealed scan of this form with the online entry.',
    ),
  },
  print: {
    button: L('打印', 'Print'),
    print: L('打印', 'Print'),
    back: L('返回', 'Back'),
    annex: L('附件 %{n}', 'Annex %{n}'),
    alliance: L('“职业院校装备制造类二级院系协同创新联盟”', 'Alliance of Equipment-Manufacturing Departments of Vocational Schools'),
    council_title: L('理事单位（学校）申报表', 'Council unit (school) application form'),
    member_title: L('成员（个人）申报表', 'Individual member application form'),
    name: L('姓名', 'Name'),
    position: L('职务', 'Position'),
    phone: L('电话', 'Phone'),
    email: L('邮箱', 'Email'),
    major_share: L('专业占学校总专业数比例', 'Share of school majors'),
    department_name: L('所在二级院系名称', 'Department'),
    signer: L('负责人签字：%{name}', 'Signed by: %{name}'),
    self_sign: L('本人签字：%{name}', 'Signature: %{name}'),
    school_seal: L('（学校盖章）', '(school seal)'),
    unit_seal: L('（单位盖章）', '(seal)'),
    date_blank: L('年　　月　　日', 'Date:'),
    member_opinion: L('所在学校意见', 'Opinion of the school'),
    memberships: L('参加何种专业（学术）组织、担任何种职务', 'Professional organizations and positions'),
    industry: L(
      '具有企业或科研单位工作经验%{years}年，其中在企业/科研单位，主要从事过%{work}工作。',
      '%{years} years in industry or research institutes, mainly working on %{work}.',
    ),
    position_line: {
      dean: L('%{label}', '%{label}'),
      vice_dean: L('%{label}，主管%{text}工作。', '%{label}, in charge of %{text}.'),
      program_leader: L('%{label}，负责%{text}专业（群）。', '%{label}, leading the %{text} program (group).'),
      other: L('%{label}%{text}。', '%{label}: %{text}.'),
    },
  },
  my: {
    list_title: L('我的申报 · %{name}', 'My applications · %{name}'),
    intro: L(
      '学校联系人填写“理事单位（学校）申报表”（附件1），拟参加联盟的教师填写“成员（个人）申报表”（附件2）。申报须经所在单位同意并加盖公章，同步上传扫描件。',
      'A school’s contact fills in the council unit form (annex 1); teachers fill in the individual form (annex 2). Each form needs the school’s consent and seal; upload the sealed scan.',
    ),
    deadline_hint: L(
      '请在本批次截止时间（北京时间）前提交；截止后提交将被系统拒绝。',
      'Submit before the batch deadline (Beijing time); later submissions are refused.',
    ),
    steps: {
      fill: L('填写申报表', 'Fill in the form'),
      upload: L('上传盖章扫描件', 'Upload the sealed scan'),
      submit: L('提交', 'Submit'),
      school: L('学校审核', 'School review'),
      center: L('中心审核', 'Center review'),
      admitted: L('批准入盟', 'Admission'),
    },
    council_heading: L('理事单位（学校）申报表（附件1）', 'Council unit (school) form — annex 1'),
    member_heading: L('成员（个人）申报表（附件2）', 'Individual member form — annex 2'),
    new_council: L('填写学校申报表', 'New school form'),
    new_member: L('填写个人申报表', 'New individual form'),
    empty_council: L('还没有学校申报表', 'No school form yet'),
    empty_member: L('还没有个人申报表', 'No individual form yet'),
    untitled: L('（未填写）', '(not filled in)'),
  },
  queue: {
    list_title: L('待审核 · %{name}', 'Review queue · %{name}'),
  },
  dashboard: {
    waiting: L('待我处理', 'Waiting for me'),
    waiting_states: L('状态为：%{states}', 'In state: %{states}'),
    by_state: L('申报状态', 'Applications by state'),
    by_school_type: L('学校类型', 'By school type'),
    by_category: L('二级院系类别', 'By department category'),
    by_province: L('省份', 'By province'),
    no_data: L('暂无数据', 'No data yet'),
    no_province: L('未填写', 'Not given'),
  },
  invitations: {
    resend: L('重新发送', 'Resend'),
    revoke: L('撤销', 'Revoke'),
    resend_confirm: L('重新发送邀请邮件给 %{name}（%{email}）？原链接将失效。', 'Send the invitation to %{name} (%{email}) again? The old link stops working.'),
    revoke_confirm: L('撤销对 %{name}（%{email}）的邀请？邀请链接将失效。', 'Revoke the invitation of %{name} (%{email})? Its link stops working.'),
    resend_done: L('已重新发送邀请给 %{email}', 'Invitation sent again to %{email}'),
    revoke_done: L('已撤销对 %{email} 的邀请', 'Invitation of %{email} revoked'),
    message_help: L('将附在邀请邮件中', 'Included in the invitation mail'),
  },
  audit: {
    transition: L('流转：%{action}', 'Workflow: %{action}'),
  },
  batches: {
    status: L('状态', 'Status'),
    open: L('征集中', 'Open'),
    upcoming: L('未开始', 'Upcoming'),
    closed: L('已截止', 'Closed'),
    timezone_help: L('北京时间（Asia/Shanghai）', 'Beijing time (Asia/Shanghai)'),
    deadline_before_opening: L('截止时间须晚于开始时间', 'The deadline must be after the opening'),
  },
  users: {
    password_help: L('留空则不修改密码', 'Leave empty to keep the password'),
    school_required: L('学校审核人和申报人须属于一所学校', 'School reviewers and applicants belong to a school'),
  },
  profile: {
    title: L('个人资料', 'Profile'),
    expert_hint: L(
      '特邀专家参加联盟有关组织、协调和督导工作，具体事宜另行通知。',
      'Invited experts take part in organizing, coordinating and supervising the alliance’s work; details will follow.',
    ),
  },
  public: {
    to_login: L('返回登录', 'Back to sign in'),
  },
  register: {
    link: L('首次使用？注册账号', 'First time here? Register'),
    title: L('注册账号', 'Register'),
    intro: L(
      '首次登录的用户需先完成注册。注册后请查收验证邮件，点击邮件中的链接完成验证后即可登录填报。',
      'First-time users register first. Then open the verification mail and follow its link before signing in.',
    ),
    name: L('姓名', 'Name'),
    confirm: L('再次输入密码', 'Repeat the password'),
    school: L('所在学校', 'School'),
    school_existing: L('从列表中选择学校', 'Pick my school from the list'),
    school_new: L('我的学校不在列表中', 'My school is not listed'),
    pick_school: L('学校名称', 'School'),
    pick_school_help: L('输入学校名称中的字词搜索', 'Type part of the name to search'),
    submit: L('注册', 'Register'),
    done_title: L('注册成功', 'Registered'),
    done: L('验证邮件已发送至 %{email}，请点击邮件中的链接完成验证后登录。', 'A verification mail was sent to %{email}; follow its link, then sign in.'),
  },
  verify: {
    title: L('验证邮箱', 'Verify your email'),
    checking: L('正在验证…', 'Verifying…'),
    ok_title: L('邮箱已验证', 'Email verified'),
    ok: L('现在可以登录并开始填报。', 'You can now sign in and fill in your forms.'),
    error_title: L('验证失败', 'Verification failed'),
    no_token: L('链接不完整：缺少验证码。请从邮件中重新打开链接。', 'The link is incomplete (no token). Open it again from the mail.'),
  },
  invitation: {
    title: L('接受邀请', 'Accept the invitation'),
    no_token: L('链接不完整：缺少邀请码。请从邮件中重新打开链接。', 'The link is incomplete (no token). Open it again from the mail.'),
    invalid: L('邀请链接无效或已过期', 'The invitation link is invalid or has expired'),
    intro: L('邀请 %{email} 以“%{role}”%{duty}身份参加联盟工作。请设置姓名和密码以创建账号。', '%{email} is invited as “%{role}”%{duty}. Set your name and a password to create the account.'),
    accept: L('接受邀请并创建账号', 'Accept and create the account'),
    accepted: L('账号已创建。', 'Your account was created.'),
  },
  validation: {
    mobile: L('请输入 11 位手机号码', 'Enter an 11-digit mobile number'),
    email: L('请输入有效的电子邮箱', 'Enter a valid email address'),
    year_month: L('格式应为 年-月（如 2015-09）', 'Use year-month (e.g. 2015-09)'),
    date: L('格式应为 年-月-日', 'Use year-month-day'),
    future_month: L('不能晚于当前月份', 'Cannot be in the future'),
    percent: L('应为 0 到 100 之间的数', 'Between 0 and 100'),
    one_decimal: L('最多保留一位小数', 'At most one decimal'),
    count: L('应为不小于 0 的整数', 'A whole number ≥ 0'),
    too_many: L('最多 %{max} 项', 'At most %{max}'),
    too_few: L('至少 %{min} 项', 'At least %{min}'),
    password: L('密码至少 %{min} 位', 'At least %{min} characters'),
    password_mismatch: L('两次输入的密码不一致', 'The passwords differ'),
  },
} satisfies LabelTree;

const isLabel = (v: Label | LabelTree): v is Label =>
  typeof (v as Label).zh === 'string' && typeof (v as Label).en === 'string' && Object.keys(v).length === 2;

/** The tree in one language. */
export function pickLanguage(tree: LabelTree, lang: 'zh' | 'en'): Record<string, unknown> {
  return Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, isLabel(v) ? v[lang] : pickLanguage(v, lang)]));
}
