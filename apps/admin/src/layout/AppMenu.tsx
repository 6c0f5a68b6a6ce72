import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import QueueIcon from '@mui/icons-material/Queue';
import type { MouseEvent } from 'react';
import { Menu, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { AllianceDataProvider } from '../data/dataProvider';
import { menuFor } from '../auth/access';
import { useRoles } from '../auth/useRoles';

/** The menu of the user's roles (auth/access.ts decides which entries). */
export const AppMenu = () => {
  const roles = useRoles();
  const translate = useTranslate();
  return (
    <Menu>
      {menuFor(roles).map((key) => {
        switch (key) {
          case 'my-applications':
            return (
              <Menu.Item key={key} to="/my-applications" primaryText={translate('app.menu.my_applications')} leftIcon={<AssignmentIndIcon />} />
            );
          case 'dashboard':
            return <Menu.DashboardItem key={key} />;
          case 'queues':
            return <QueueDashboardItem key={key} />;
          case 'profile':
            return <Menu.Item key={key} to="/profile" primaryText={translate('app.menu.profile')} leftIcon={<AccountCircleIcon />} />;
          default:
            return <Menu.ResourceItem key={key} name={key} />;
        }
      })}
    </Menu>
  );
};

/** Opens bull-board in a new window: the API gives a single-use ticket, since a page load sends no bearer header. */
const QueueDashboardItem = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AllianceDataProvider>();
  const notify = useNotify();
  const open = async () => {
    const tab = window.open('', '_blank');
    try {
      const url = await dataProvider.queueDashboardUrl();
      if (tab) tab.location.href = url;
      else window.location.href = url;
    } catch {
      tab?.close();
      notify('ra.notification.http_error', { type: 'error' });
    }
  };
  return <Menu.Item to="#" onClick={(e: MouseEvent) => { e.preventDefault(); void open(); }} primaryText={translate('app.menu.queues')} leftIcon={<QueueIcon />} />;
};
