import { ApplicationEdit } from '../applications/ApplicationPages';
import { CouncilApplicationForm } from './CouncilApplicationForm';

export const CouncilApplicationEdit = () => (
  <ApplicationEdit form={<CouncilApplicationForm />} attachments={['sealed_scan']} />
);
