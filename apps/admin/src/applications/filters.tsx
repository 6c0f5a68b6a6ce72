import type { ReactNode } from 'react';
import { Card, CardContent } from '@mui/material';
import FlagIcon from '@mui/icons-material/Flag';
import SchoolIcon from '@mui/icons-material/School';
import EmojiEventsIcon from '@mui/icons-material/EmojiEvents';
import CategoryIcon from '@mui/icons-material/Category';
import EventIcon from '@mui/icons-material/Event';
import EventSeatIcon from '@mui/icons-material/EventSeat';
import GroupsIcon from '@mui/icons-material/Groups';
import {
  AutocompleteInput, FilterList, FilterListItem, FilterLiveSearch, ReferenceInput, SavedQueriesList, SearchInput, SelectInput, useGetList,
  useListContext,
} from 'react-admin';
import { choicesOf, provinceChoices, type CodeTableName } from '../i18n/codes';
import { anyOfSelected, toggleAnyOf } from '../lib/filters';

/** A FilterList section whose items are the codes of a domain table, any-of. */
export const CodeFilterList = ({
  source,
  table,
  label,
  icon,
  only,
}: {
  source: string;
  table: CodeTableName;
  label: string;
  icon: ReactNode;
  only?: readonly (string | number)[];
}) => (
  <FilterList label={label} icon={icon}>
    {choicesOf(table, only).map((choice) => (
      <FilterListItem
        key={String(choice.id)}
        label={choice.name}
        value={{ [source]: choice.id }}
        isSelected={(value, filters) => anyOfSelected(filters, source, value[source])}
        toggleFilter={(value, filters) => toggleAnyOf(filters, source, value[source])}
      />
    ))}
  </FilterList>
);

/** The batches as a FilterList section (any-of). */
export const BatchFilterList = ({ label }: { label: string }) => {
  const { data } = useGetList('batches', { pagination: { page: 1, perPage: 50 }, sort: { field: 'id', order: 'DESC' } });
  if (!data || data.length === 0) return null;
  return (
    <FilterList label={label} icon={<EventIcon />}>
      {data.map((batch) => (
        <FilterListItem
          key={String(batch.id)}
          label={String(batch.name)}
          value={{ batchId: batch.id }}
          isSelected={(value, filters) => anyOfSelected(filters, 'batchId', value.batchId)}
          toggleFilter={(value, filters) => toggleAnyOf(filters, 'batchId', value.batchId)}
        />
      ))}
    </FilterList>
  );
};

/** The card of a list's filter sidebar, left of the list; hidden on narrow screens (the filter bar has free text there). */
export const FilterSidebar = ({ children }: { children: ReactNode }) => (
  <Card
    variant="outlined"
    sx={{ order: -1, mr: 1.5, mt: 1, width: 200, minWidth: 200, alignSelf: 'flex-start', display: { xs: 'none', md: 'block' } }}
  >
    <CardContent sx={{ p: 1.5, '&:last-child': { pb: 1.5 } }}>{children}</CardContent>
  </Card>
);

/**
 * The filter sidebar of the reviewers' application lists: free text, saved queries (stored in
 * the browser), state, school type, honors, department category, batch, and for members seat
 * and target group. Every choice is kept in the URL.
 */
export const ApplicationFilterSidebar = ({ resource }: { resource: 'council-applications' | 'member-applications' }) => {
  const f = (field: string) => `resources.${resource}.fields.${field}`;
  return (
    <FilterSidebar>
      <FilterLiveSearch source="q" label={f('q')} />
      <SavedQueriesList />
      <CodeFilterList source="state" table="state" label={f('state')} icon={<FlagIcon />} />
      <CodeFilterList source="schoolType" table="school_type" label={f('schoolType')} icon={<SchoolIcon />} />
      <CodeFilterList source="schoolHonors" table="school_honor" label={f('schoolHonors')} icon={<EmojiEventsIcon />} />
      <CodeFilterList
        source="departmentCategory"
        table="department_category"
        label={f('departmentCategory')}
        icon={<CategoryIcon />}
      />
      {resource === 'member-applications' && (
        <>
          <CodeFilterList source="seat" table="seat" label={f('seat')} icon={<EventSeatIcon />} />
          <CodeFilterList source="targetGroup" table="target_group" label={f('targetGroup')} icon={<GroupsIcon />} />
        </>
      )}
      <BatchFilterList label={f('batchId')} />
    </FilterSidebar>
  );
};

/** The departments of the chosen school (or all), for the department filter. */
const DepartmentFilterInput = (props: { source: string; label?: string; alwaysOn?: boolean }) => {
  const { filterValues } = useListContext();
  return (
    <ReferenceInput
      {...props}
      reference="departments"
      filter={filterValues.schoolId ? { schoolId: filterValues.schoolId } : {}}
      sort={{ field: 'name', order: 'ASC' }}
    >
      <AutocompleteInput
        optionText={(d: { name?: string; schoolName?: string }) => [d.name, d.schoolName].filter(Boolean).join(' · ')}
        filterToQuery={(q: string) => ({ q })}
        sx={{ minWidth: 220 }}
      />
    </ReferenceInput>
  );
};

/** Inputs of the filter bar (added with the "Add filter" button): school, department, province. */
export const applicationFilterInputs = () => [
  <ReferenceInput key="schoolId" source="schoolId" reference="schools" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <DepartmentFilterInput key="departmentId" source="departmentId" />,
  <SelectInput key="province" source="province" choices={provinceChoices} translateChoice={false} />,
];

/** The filter bar of a school's queue: state (submitted by default) and free text. */
export const schoolQueueFilterInputs = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="state" source="state" choices={choicesOf('state')} alwaysOn emptyText="app.filters.all_states" />,
];

