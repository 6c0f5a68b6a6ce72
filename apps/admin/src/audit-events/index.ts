import HistoryIcon from '@mui/icons-material/History';
import { AuditEventList } from './AuditEventList';
import { AuditEventShow } from './AuditEventShow';

/** 审计日志 (lead, read-only). */
export default {
  list: AuditEventList,
  show: AuditEventShow,
  icon: HistoryIcon,
};
