import EmailIcon from '@mui/icons-material/Email';
import { EmailList } from './EmailList';
import { EmailShow } from './EmailShow';

/** 邮件记录: the notification log (lead and center reviewers: preview, resend). */
export default {
  list: EmailList,
  show: EmailShow,
  icon: EmailIcon,
  recordRepresentation: 'subject',
};
