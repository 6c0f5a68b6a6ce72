import { ApplicationEdit } from '../applications/ApplicationPages';
import { MemberApplicationForm } from './MemberApplicationForm';

export const MemberApplicationEdit = () => (
  <ApplicationEdit form={<MemberApplicationForm />} attachments={['photo', 'sealed_scan']} />
);
