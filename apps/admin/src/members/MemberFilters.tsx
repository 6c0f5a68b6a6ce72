import BadgeIcon from '@mui/icons-material/Badge';
import SchoolIcon from '@mui/icons-material/School';
import EmojiEventsIcon from '@mui/icons-material/EmojiEvents';
import CategoryIcon from '@mui/icons-material/Category';
import { FilterLiveSearch, SavedQueriesList, SearchInput, SelectInput } from 'react-admin';
import { provinceChoices } from '../i18n/codes';
import { BatchFilterList, CodeFilterList, FilterSidebar } from '../applications/filters';

const f = (field: string) => `resources.members.fields.${field}`;

/** The roster's filter sidebar: kind, school type, honors, department category, batch, saved queries. */
export const MemberFilterSidebar = () => (
  <FilterSidebar>
    <FilterLiveSearch source="q" label={f('q')} />
    <SavedQueriesList />
    <CodeFilterList source="kind" table="roster_kind" label={f('kind')} icon={<BadgeIcon />} />
    <CodeFilterList source="schoolType" table="school_type" label={f('schoolType')} icon={<SchoolIcon />} />
    <CodeFilterList source="schoolHonors" table="school_honor" label={f('schoolHonors')} icon={<EmojiEventsIcon />} />
    <CodeFilterList source="departmentCategory" table="department_category" label={f('departmentCategory')} icon={<CategoryIcon />} />
    <BatchFilterList label={f('batchId')} />
  </FilterSidebar>
);

/** The filter bar: province (and free text on narrow screens, where the sidebar is hidden). */
export const memberFilters = [
  <SelectInput key="province" source="province" choices={provinceChoices} translateChoice={false} />,
  <SearchInput key="q" source="q" />,
];
