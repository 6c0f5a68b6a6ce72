import EventIcon from '@mui/icons-material/Event';
import { BatchCreate } from './BatchCreate';
import { BatchEdit } from './BatchEdit';
import { BatchList } from './BatchList';

/** 征集批次 (lead: CRUD; everybody reads them to pick and filter). */
export default {
  list: BatchList,
  edit: BatchEdit,
  create: BatchCreate,
  icon: EventIcon,
  recordRepresentation: 'name',
};
