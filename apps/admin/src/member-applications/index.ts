import PersonIcon from '@mui/icons-material/Person';
import { MemberApplicationCreate } from './MemberApplicationCreate';
import { MemberApplicationEdit } from './MemberApplicationEdit';
import { MemberApplicationList } from './MemberApplicationList';
import { MemberApplicationShow } from './MemberApplicationShow';

/** 附件2 成员（个人）申报表. */
export default {
  list: MemberApplicationList,
  show: MemberApplicationShow,
  edit: MemberApplicationEdit,
  create: MemberApplicationCreate,
  icon: PersonIcon,
  recordRepresentation: (r: { name?: string; id: unknown }) => r.name || `#${r.id}`,
};
