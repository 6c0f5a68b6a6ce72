import { ApplicationFilterSidebar, applicationFilterInputs, schoolQueueFilterInputs } from '../applications/filters';

/** Filters of the member application lists (sidebar sections with seat and target group, and the filter bar). */
export const MemberApplicationFilterSidebar = () => <ApplicationFilterSidebar resource="member-applications" />;
export const memberApplicationFilters = applicationFilterInputs();
export const memberApplicationQueueFilters = schoolQueueFilterInputs;
