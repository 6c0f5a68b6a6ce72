import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import { Menu, useTranslate } from 'react-admin';
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
          case 'profile':
            return <Menu.Item key={key} to="/profile" primaryText={translate('app.menu.profile')} leftIcon={<AccountCircleIcon />} />;
          default:
            return <Menu.ResourceItem key={key} name={key} />;
        }
      })}
    </Menu>
  );
};
