import { Label } from './codes';

/**
 * Labels of the form fields by their API path (array indexes left out). The console's
 * `resources.<name>.fields` translations and the exports' column headers come from here.
 */
export const FIELD_LABEL = {
  // school (附件1 head)
  'school.name': { zh: '学校名称', en: 'School' },
  'school.type': { zh: '学校类型', en: 'School type' },
  'school.ownership': { zh: '办学性质', en: 'Ownership' },
  'school.honors': { zh: '主要荣誉', en: 'Honors' },
  'school.honorsOther': { zh: '其它荣誉', en: 'Other honors' },
  'school.province': { zh: '省份', en: 'Province' },
  // council application (附件1)
  batchId: { zh: '征集批次', en: 'Batch' },
  schoolId: { zh: '学校名称', en: 'School' },
  state: { zh: '状态', en: 'State' },
  equipmentMajorShare5yPct: { zh: '近5年装备制造类专业数平均占比（%）', en: 'Equipment major share, 5-year avg (%)' },
  representative: { zh: '理事单位代表人', en: 'Representative' },
  'representative.name': { zh: '代表人姓名', en: 'Representative name' },
  'representative.position': { zh: '代表人职务', en: 'Representative position' },
  'representative.phone': { zh: '代表人电话', en: 'Representative phone' },
  'representative.email': { zh: '代表人邮箱', en: 'Representative email' },
  contact: { zh: '理事单位联系人', en: 'Contact' },
  'contact.name': { zh: '联系人姓名', en: 'Contact name' },
  'contact.position': { zh: '联系人职务', en: 'Contact position' },
  'contact.phone': { zh: '联系人电话', en: 'Contact phone' },
  'contact.email': { zh: '联系人邮箱', en: 'Contact email' },
  departments: { zh: '本校拟参加联盟的二级院系信息', en: 'Departments' },
  'departments.name': { zh: '二级院系名称', en: 'Department name' },
  'departments.category': { zh: '院系类别', en: 'Department category' },
  'departments.establishedOn': { zh: '设立时间', en: 'Established' },
  'departments.majorSharePct': { zh: '专业占学校总专业数比例（%）', en: 'Share of school majors (%)' },
  'departments.avgEnrollment3y': { zh: '近3年平均在校生数', en: 'Avg enrollment, 3 years' },
  'departments.headName': { zh: '院系负责人', en: 'Department head' },
  'departments.headPosition': { zh: '负责人职务', en: 'Head position' },
  'departments.strongMajors': { zh: '二级院系优势专业', en: 'Strong majors' },
  schoolOpinion: { zh: '学校意见', en: 'School opinion' },
  'schoolOpinion.recommendedRepresentative': { zh: '推荐担任理事的学校代表', en: 'Recommended representative' },
  'schoolOpinion.signer': { zh: '负责人签字', en: 'Signed by' },
  'schoolOpinion.date': { zh: '学校意见日期', en: 'Opinion date' },
  suggestions: { zh: '对联盟工作的意见建议', en: 'Suggestions' },
  sealedScan: { zh: '盖章扫描件', en: 'Sealed scan' },
  // member application (附件2)
  departmentId: { zh: '所在二级院系', en: 'Department' },
  departmentHonors: { zh: '二级院系主要荣誉', en: 'Department honors' },
  'departmentHonors.kind': { zh: '荣誉类别', en: 'Honor' },
  'departmentHonors.text': { zh: '荣誉名称', en: 'Honor name' },
  name: { zh: '姓名', en: 'Name' },
  gender: { zh: '性别', en: 'Gender' },
  photo: { zh: '免冠近照', en: 'Photo' },
  birthMonth: { zh: '出生年月', en: 'Birth month' },
  politicalStatus: { zh: '政治面貌', en: 'Political status' },
  education: { zh: '最高学历', en: 'Education' },
  degree: { zh: '最高学位', en: 'Degree' },
  almaMater: { zh: '毕业院校', en: 'Alma mater' },
  studiedMajor: { zh: '所学专业', en: 'Major studied' },
  teachingYears: { zh: '从教年限', en: 'Teaching years' },
  title: { zh: '技术职称', en: 'Title' },
  field: { zh: '专业领域', en: 'Field' },
  position: { zh: '现任职务', en: 'Position' },
  'position.kind': { zh: '现任职务', en: 'Position' },
  'position.text': { zh: '职务说明', en: 'Position details' },
  mobile: { zh: '手机', en: 'Mobile' },
  email: { zh: '电子邮箱', en: 'Email' },
  address: { zh: '通讯地址', en: 'Address' },
  achievements: { zh: '代表性教研和科研成果', en: 'Achievements' },
  experience: { zh: '主要受教育和工作经历', en: 'Education and career' },
  industryYears: { zh: '企业或科研单位工作经验（年）', en: 'Industry years' },
  industryWork: { zh: '在企业/科研单位主要从事的工作', en: 'Industry work' },
  awards: { zh: '获奖情况', en: 'Awards' },
  memberships: { zh: '参加的专业（学术）组织及职务', en: 'Memberships' },
  commitment: { zh: '个人承诺', en: 'Commitment' },
  'commitment.accepted': { zh: '个人承诺', en: 'Commitment accepted' },
  'commitment.date': { zh: '承诺日期', en: 'Commitment date' },
  seat: { zh: '申报席位', en: 'Seat' },
  targetGroup: { zh: '征集对象', en: 'Target group' },
  // record metadata shown in lists and exports
  id: { zh: '编号', en: 'ID' },
  submittedAt: { zh: '提交时间', en: 'Submitted at' },
  updatedAt: { zh: '更新时间', en: 'Updated at' },
  createdAt: { zh: '创建时间', en: 'Created at' },
  lastComment: { zh: '最近审核意见', en: 'Last comment' },
  'department.category': { zh: '院系类别', en: 'Department category' },
  // roster (成员名录)
  kind: { zh: '成员类别', en: 'Kind' },
  organization: { zh: '所在单位', en: 'Organization' },
  duty: { zh: '专家职责', en: 'Duty' },
  admittedAt: { zh: '入盟时间', en: 'Admitted at' },
  // invitations (特邀)
  role: { zh: '角色', en: 'Role' },
  message: { zh: '邀请附言', en: 'Message' },
  expiresAt: { zh: '有效期至', en: 'Expires at' },
  acceptedAt: { zh: '接受时间', en: 'Accepted at' },
} as const satisfies Record<string, Label>;

/** The label of a field path such as `departments.1.name` (indexes are ignored). */
export function fieldLabel(path: string): Label {
  const key = path.split('.').filter((p) => !/^\d+$/.test(p)).join('.');
  return Object.hasOwn(FIELD_LABEL, key) ? (FIELD_LABEL as Record<string, Label>)[key] : { zh: path, en: path };
}
