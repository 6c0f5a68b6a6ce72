import ContactsIcon from '@mui/icons-material/Contacts';
import { MemberList } from './MemberList';
import { MemberShow } from './MemberShow';

/** 成员名录 (roster, read-only). */
export default {
  list: MemberList,
  show: MemberShow,
  icon: ContactsIcon,
  recordRepresentation: 'name',
};
