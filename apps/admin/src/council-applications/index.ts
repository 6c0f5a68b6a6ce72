import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import { CouncilApplicationCreate } from './CouncilApplicationCreate';
import { CouncilApplicationEdit } from './CouncilApplicationEdit';
import { CouncilApplicationList } from './CouncilApplicationList';
import { CouncilApplicationShow } from './CouncilApplicationShow';

/** 附件1 理事单位（学校）申报表. */
export default {
  list: CouncilApplicationList,
  show: CouncilApplicationShow,
  edit: CouncilApplicationEdit,
  create: CouncilApplicationCreate,
  icon: AccountBalanceIcon,
  recordRepresentation: (r: { school?: { name?: string }; id: unknown }) => r.school?.name ?? `#${r.id}`,
};
