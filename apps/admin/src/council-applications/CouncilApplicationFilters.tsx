import { ApplicationFilterSidebar, applicationFilterInputs, schoolQueueFilterInputs } from '../applications/filters';

/** Filters of the council application lists (the sidebar sections and the filter bar's inputs). */
export const CouncilApplicationFilterSidebar = () => <ApplicationFilterSidebar resource="council-applications" />;
export const councilApplicationFilters = applicationFilterInputs();
export const councilApplicationQueueFilters = schoolQueueFilterInputs;
