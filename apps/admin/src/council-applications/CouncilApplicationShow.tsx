import { ApplicationShow } from '../applications/ApplicationPages';
import { CouncilApplicationView } from './CouncilApplicationView';

export const CouncilApplicationShow = () => (
  <ApplicationShow kind="council" view={<CouncilApplicationView />} attachments={['sealed_scan']} />
);
