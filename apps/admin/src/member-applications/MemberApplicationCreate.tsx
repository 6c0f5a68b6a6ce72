import { ApplicationCreate } from '../applications/ApplicationPages';
import { MemberApplicationForm } from './MemberApplicationForm';

export const MemberApplicationCreate = () => (
  <ApplicationCreate form={<MemberApplicationForm isCreate defaultValues={{ departmentHonors: [], commitment: { accepted: false } }} />} />
);
