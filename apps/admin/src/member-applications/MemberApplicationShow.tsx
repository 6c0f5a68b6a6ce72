import { ApplicationShow } from '../applications/ApplicationPages';
import { MemberApplicationView } from './MemberApplicationView';

export const MemberApplicationShow = () => (
  <ApplicationShow kind="member" view={<MemberApplicationView />} attachments={['photo', 'sealed_scan']} />
);
