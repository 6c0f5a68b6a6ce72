import type { ReactNode } from 'react';
import {
  ColumnsButton, CreateButton, DataTable, FilterButton, List, TopToolbar, useTranslate, type RaRecord,
} from 'react-admin';
import { isEditable, type ApplicationState } from '@alliance/domain';
import { bulkActionsFor, listModeFor, type ApplicationResource, type ListMode } from '../auth/access';
import { useRoles } from '../auth/useRoles';
import { ExportButtons } from '../common/ExportButtons';
import { ListError } from '../common/states';
import { defaultFilterFor } from '../lib/filters';
import { BulkTransitionButtons } from './BulkTransitionButtons';

const ListActions = ({ mode, hasFilters }: { mode: ListMode; hasFilters: boolean }) => (
  <TopToolbar>
    {hasFilters && <FilterButton />}
    {mode === 'applicant' && <CreateButton />}
    <ColumnsButton />
    <ExportButtons />
  </TopToolbar>
);

/**
 * The application lists, one component for both forms, shaped by the user's role:
 * applicants see their own applications ('我的申报'), a school's reviewer the queue of the
 * school's submitted applications, the center and the lead every application with the filter
 * sidebar and bulk actions, the coordinator the same read-only with exports.
 */
export const ApplicationList = ({
  resource,
  filters,
  aside,
  schoolQueueFilters,
  children,
}: {
  resource: ApplicationResource;
  filters: ReactNode[];
  aside: ReactNode;
  schoolQueueFilters: ReactNode[];
  children: ReactNode;
}) => {
  const roles = useRoles();
  const translate = useTranslate();
  const mode = listModeFor(roles);
  const full = mode === 'review' || mode === 'readonly';
  const listFilters = full ? filters : mode === 'school_queue' ? schoolQueueFilters : undefined;
  const bulk = bulkActionsFor(roles).length > 0;
  const title =
    mode === 'applicant'
      ? translate('app.my.list_title', { name: translate(`resources.${resource}.name`, { smart_count: 2 }) })
      : mode === 'school_queue'
        ? translate('app.queue.list_title', { name: translate(`resources.${resource}.name`, { smart_count: 2 }) })
        : undefined;
  return (
    <List
      title={title}
      filters={listFilters as never}
      filterDefaultValues={defaultFilterFor(roles)}
      aside={full ? aside : undefined}
      actions={<ListActions mode={mode} hasFilters={full} />}
      sort={{ field: 'id', order: 'DESC' }}
      perPage={25}
      exporter={false}
      error={<ListError />}
      storeKey={`${resource}.${mode}`}
    >
      <DataTable
        rowClick={(_id, _resource, record: RaRecord) =>
          mode === 'applicant' && isEditable(record.state as ApplicationState) ? 'edit' : 'show'
        }
        bulkActionButtons={bulk ? <BulkTransitionButtons /> : false}
        size="small"
      >
        {children}
      </DataTable>
    </List>
  );
};
