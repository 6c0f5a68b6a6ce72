/**
 * Every code of DOMAIN.md and API.md with its Chinese and English label, defined once.
 * The API validates against these keys, the console shows these labels.
 */
export interface Label {
  zh: string;
  en: string;
}

export type CodeTable = Readonly<Record<string, Label>>;

const table = <const T extends Record<string, Label>>(t: T): T => t;

/** The codes of a table, in their defined order. */
export const codesOf = <T extends CodeTable>(t: T): [keyof T & string, ...(keyof T & string)[]] =>
  Object.keys(t) as [keyof T & string, ...(keyof T & string)[]];

export const ROLE = table({
  applicant: { zh: '申报人', en: 'Applicant' },
  school_admin: { zh: '学校审核人', en: 'School reviewer' },
  center_reviewer: { zh: '中心审核员', en: 'Center reviewer' },
  coordinator: { zh: '联络员', en: 'Coordinator' },
  lead: { zh: '联盟负责人', en: 'Alliance lead' },
  expert: { zh: '特邀专家', en: 'Special expert' },
});
export type Role = keyof typeof ROLE;
/** Roles that see every school's records. */
export const STAFF_ROLES: readonly Role[] = ['center_reviewer', 'coordinator', 'lead'];

export const SCHOOL_TYPE = table({
  vocational_undergraduate: { zh: '职教本科', en: 'Vocational undergraduate' },
  higher_vocational: { zh: '高职专科', en: 'Higher vocational' },
  secondary_vocational: { zh: '中职学校', en: 'Secondary vocational' },
  other: { zh: '其它', en: 'Other' },
});
export type SchoolType = keyof typeof SCHOOL_TYPE;

export const OWNERSHIP = table({
  public: { zh: '公办', en: 'Public' },
  private: { zh: '民办', en: 'Private' },
  other: { zh: '其它', en: 'Other' },
});
export type Ownership = keyof typeof OWNERSHIP;

export const SCHOOL_HONOR = table({
  national_double_high: { zh: '国家级“双高”院校', en: 'National Double High school' },
  provincial_double_high: { zh: '省部级“双高”院校', en: 'Provincial Double High school' },
  double_excellence: { zh: '“双优计划”中职校', en: 'Double Excellence secondary school' },
  industry_backbone: { zh: '行业骨干校', en: 'Industry backbone school' },
  other: { zh: '其它', en: 'Other' },
});
export type SchoolHonor = keyof typeof SCHOOL_HONOR;

/** Scope of the call, notice 三(一). */
export const DEPARTMENT_CATEGORY = table({
  mechanical: { zh: '机械工程', en: 'Mechanical engineering' },
  mechatronic: { zh: '机电工程', en: 'Mechatronic engineering' },
  automation: { zh: '自动化', en: 'Automation' },
  electrical: { zh: '电气工程', en: 'Electrical engineering' },
  intelligent_manufacturing: { zh: '智能制造', en: 'Intelligent manufacturing' },
  materials: { zh: '材料工程', en: 'Materials engineering' },
  automotive_transport: { zh: '汽车与载运', en: 'Automotive and transport' },
  agricultural_machinery: { zh: '农机装备', en: 'Agricultural machinery' },
  industrial_internet: { zh: '工业互联网（应用）', en: 'Industrial internet' },
  industrial_engineering: { zh: '工业工程（管理）', en: 'Industrial engineering' },
});
export type DepartmentCategory = keyof typeof DEPARTMENT_CATEGORY;

export const DEPARTMENT_HONOR = table({
  national_double_high_group: { zh: '国家级“双高”专业群', en: 'National Double High program group' },
  provincial_double_high_group: { zh: '省级“双高”专业群', en: 'Provincial Double High program group' },
  other: { zh: '其它', en: 'Other' },
});
export type DepartmentHonor = keyof typeof DEPARTMENT_HONOR;

export const GENDER = table({
  male: { zh: '男', en: 'Male' },
  female: { zh: '女', en: 'Female' },
});
export type Gender = keyof typeof GENDER;

/** GB/T 4762. */
export const POLITICAL_STATUS = table({
  cpc_member: { zh: '中共党员', en: 'CPC member' },
  cpc_probationary: { zh: '中共预备党员', en: 'CPC probationary member' },
  cyl_member: { zh: '共青团员', en: 'CYL member' },
  rcck: { zh: '民革党员', en: 'RCCK member' },
  cdl: { zh: '民盟盟员', en: 'CDL member' },
  cndca: { zh: '民建会员', en: 'CNDCA member' },
  capd: { zh: '民进会员', en: 'CAPD member' },
  cpwdp: { zh: '农工党党员', en: 'CPWDP member' },
  zhigong: { zh: '致公党党员', en: 'China Zhi Gong Party member' },
  jiusan: { zh: '九三学社社员', en: 'Jiusan Society member' },
  taiwan_league: { zh: '台盟盟员', en: 'Taiwan League member' },
  non_party: { zh: '无党派人士', en: 'Non-party' },
  masses: { zh: '群众', en: 'Masses' },
});
export type PoliticalStatus = keyof typeof POLITICAL_STATUS;

export const EDUCATION = table({
  doctoral: { zh: '博士研究生', en: 'Doctoral' },
  master: { zh: '硕士研究生', en: 'Master' },
  bachelor: { zh: '大学本科', en: 'Bachelor' },
  associate: { zh: '大学专科', en: 'Associate' },
  other: { zh: '其它', en: 'Other' },
});
export type Education = keyof typeof EDUCATION;

export const DEGREE = table({
  doctor: { zh: '博士', en: 'Doctor' },
  master: { zh: '硕士', en: 'Master' },
  bachelor: { zh: '学士', en: 'Bachelor' },
  none: { zh: '无', en: 'None' },
});
export type Degree = keyof typeof DEGREE;

export const POSITION_KIND = table({
  dean: { zh: '院长/系主任/部长', en: 'Dean / head' },
  vice_dean: { zh: '副院长/副主任/副部长', en: 'Vice dean' },
  program_leader: { zh: '专业（群）带头人', en: 'Program leader' },
  other: { zh: '其它', en: 'Other' },
});
export type PositionKind = keyof typeof POSITION_KIND;

/** Suggestions for the free-text title field (技术职称). */
export const TITLE_SUGGESTIONS = [
  '教授', '副教授', '讲师', '助教', '正高级讲师', '高级讲师',
  '正高级工程师', '高级工程师', '工程师', '高级实验师', '实验师', '其它',
] as const;

/** Seats of notice 五(一). */
export const SEAT = table({
  main_leader: { zh: '主要负责人', en: 'Main leader' },
  program_leader: { zh: '专业（群）带头人', en: 'Program leader' },
});
export type Seat = keyof typeof SEAT;

/** 征集对象, notice 三(二). Codes are the numbers 1, 2, 3. */
export const TARGET_GROUP = {
  1: { zh: '院系负责人及优势专业带头人', en: 'Department heads and program leaders' },
  2: { zh: '教学名师/创新团队负责人/“双高”专业群带头人', en: 'Master teachers / team leaders' },
  3: { zh: '优秀青年教师（≤35岁）', en: 'Outstanding young teachers (≤ 35)' },
} as const satisfies Record<number, Label>;
export type TargetGroup = 1 | 2 | 3;
export const TARGET_GROUPS: readonly TargetGroup[] = [1, 2, 3];

export const EXPERT_DUTY = table({
  organize: { zh: '组织', en: 'Organize' },
  coordinate: { zh: '协调', en: 'Coordinate' },
  supervise: { zh: '督导', en: 'Supervise' },
});
export type ExpertDuty = keyof typeof EXPERT_DUTY;

export const INVITATION_STATE = table({
  pending: { zh: '待接受', en: 'Pending' },
  accepted: { zh: '已接受', en: 'Accepted' },
  expired: { zh: '已过期', en: 'Expired' },
  revoked: { zh: '已撤销', en: 'Revoked' },
});
export type InvitationState = keyof typeof INVITATION_STATE;

export const APPLICATION_KIND = table({
  council: { zh: '理事单位（学校）申报', en: 'Council unit (school)' },
  member: { zh: '成员（个人）申报', en: 'Individual member' },
});
export type ApplicationKind = keyof typeof APPLICATION_KIND;

export const ROSTER_KIND = table({
  council_unit: { zh: '理事单位', en: 'Council unit' },
  individual: { zh: '个人成员', en: 'Individual member' },
  expert: { zh: '特邀专家', en: 'Special expert' },
});
export type RosterKind = keyof typeof ROSTER_KIND;

export const ATTACHMENT_KIND = table({
  sealed_scan: { zh: '盖章扫描件', en: 'Sealed scan' },
  photo: { zh: '免冠近照', en: 'Photo' },
});
export type AttachmentKind = keyof typeof ATTACHMENT_KIND;

export const EMAIL_STATUS = table({
  pending: { zh: '待发送', en: 'Pending' },
  queued: { zh: '已排队', en: 'Queued' },
  sent: { zh: '已发送', en: 'Sent' },
  failed: { zh: '发送失败', en: 'Failed' },
});
export type EmailStatus = keyof typeof EMAIL_STATUS;

/** Mail templates: one per event of DOMAIN.md's notification matrix, plus account mails. */
export const EMAIL_TEMPLATE = table({
  submitted_receipt: { zh: '申报回执', en: 'Submission receipt' },
  submitted_school: { zh: '待学校审核', en: 'Waiting for school review' },
  school_approved_applicant: { zh: '学校审核通过', en: 'Approved by school' },
  school_approved_center: { zh: '待中心审核', en: 'Waiting for center review' },
  center_reviewed_lead: { zh: '待联盟负责人审批', en: 'Waiting for admission' },
  admitted: { zh: '入盟通知', en: 'Admitted' },
  returned: { zh: '退回修改', en: 'Returned' },
  rejected: { zh: '未通过', en: 'Rejected' },
  invitation: { zh: '特邀函', en: 'Invitation' },
  verify_email: { zh: '邮箱验证', en: 'Email verification' },
  deadline_reminder: { zh: '截止提醒', en: 'Deadline reminder' },
  review_reminder: { zh: '待审核提醒', en: 'Review reminder' },
});
export type EmailTemplate = keyof typeof EMAIL_TEMPLATE;

/** The 34 provincial-level divisions, by the short names people write; grouped into regions. */
export const PROVINCE_REGION = {
  北京: '华北', 天津: '华北', 河北: '华北', 山西: '华北', 内蒙古: '华北',
  辽宁: '东北', 吉林: '东北', 黑龙江: '东北',
  上海: '华东', 江苏: '华东', 浙江: '华东', 安徽: '华东', 福建: '华东', 江西: '华东', 山东: '华东',
  河南: '华中', 湖北: '华中', 湖南: '华中',
  广东: '华南', 广西: '华南', 海南: '华南',
  重庆: '西南', 四川: '西南', 贵州: '西南', 云南: '西南', 西藏: '西南',
  陕西: '西北', 甘肃: '西北', 青海: '西北', 宁夏: '西北', 新疆: '西北',
  台湾: '港澳台', 香港: '港澳台', 澳门: '港澳台',
} as const;
export type Province = keyof typeof PROVINCE_REGION;
export const PROVINCES = Object.keys(PROVINCE_REGION) as [Province, ...Province[]];
