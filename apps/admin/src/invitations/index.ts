import MailOutlineIcon from '@mui/icons-material/ForwardToInbox';
import { InvitationCreate } from './InvitationCreate';
import { InvitationList } from './InvitationList';

/** 特邀 (notice 五(四)): invitations of experts and staff. */
export default {
  list: InvitationList,
  create: InvitationCreate,
  icon: MailOutlineIcon,
  recordRepresentation: 'email',
};
