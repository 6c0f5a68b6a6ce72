/**
 * What the console sends when it creates or updates a record: only the fields a client may
 * write (API.md, Payloads). Representations carry read-only parts (findings, allowedActions,
 * quota, school, attachments, timestamps) that a strict server would refuse in a PUT.
 */

const COUNCIL_FIELDS = [
  'batchId', 'schoolId', 'equipmentMajorShare5yPct', 'representative', 'contact', 'departments',
  'schoolOpinion', 'suggestions',
] as const;
const DEPARTMENT_FIELDS = [
  'id', 'name', 'category', 'establishedOn', 'majorSharePct', 'avgEnrollment3y', 'headName', 'headPosition', 'strongMajors',
] as const;
const MEMBER_FIELDS = [
  'batchId', 'departmentId', 'seat', 'targetGroup', 'departmentHonors', 'name', 'gender', 'birthMonth',
  'politicalStatus', 'education', 'degree', 'almaMater', 'studiedMajor', 'teachingYears', 'title', 'field',
  'position', 'mobile', 'email', 'address', 'achievements', 'experience', 'industryYears', 'industryWork',
  'awards', 'memberships', 'commitment', 'schoolOpinion', 'suggestions',
] as const;

export const WRITABLE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'council-applications': COUNCIL_FIELDS,
  'member-applications': MEMBER_FIELDS,
  batches: ['name', 'opensAt', 'deadline'],
  users: ['email', 'name', 'password', 'roles', 'schoolId', 'active'],
  invitations: ['email', 'name', 'role', 'duty', 'message'],
  schools: ['name', 'type', 'ownership', 'honors', 'honorsOther', 'province'],
};

type Data = Record<string, unknown>;

const pick = (data: Data, keys: readonly string[]): Data =>
  Object.fromEntries(keys.filter((k) => data[k] !== undefined).map((k) => [k, data[k]]));

/** The body of a POST or PUT for a resource; resources not listed are sent as they are. */
export function toPayload(resource: string, data: Data): Data {
  const keys = WRITABLE_FIELDS[resource];
  if (!keys) return data;
  const out = pick(data, keys);
  if (resource === 'council-applications' && Array.isArray(out.departments)) {
    // A department keeps its id, so that member applications that point at it stay attached.
    out.departments = (out.departments as Data[]).map((d) => pick(d ?? {}, DEPARTMENT_FIELDS));
  }
  if (resource === 'users' && (out.password === '' || out.password === null)) delete out.password;
  if (resource === 'invitations' && out.role !== 'expert') out.duty = null;
  return out;
}
