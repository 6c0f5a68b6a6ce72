import type { ReactNode } from 'react';
import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import { AppBar, Layout, Logout, MenuItemLink, UserMenu, useTranslate, useUserMenu } from 'react-admin';
import { AppMenu } from './AppMenu';

const ProfileMenuItem = () => {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  return (
    <MenuItemLink
      to="/profile"
      primaryText={translate('app.menu.profile')}
      leftIcon={<AccountCircleIcon />}
      onClick={() => userMenu?.onClose()}
    />
  );
};

const AppUserMenu = () => (
  <UserMenu>
    <ProfileMenuItem />
    <Logout />
  </UserMenu>
);

const AllianceAppBar = () => <AppBar userMenu={<AppUserMenu />} />;

export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout menu={AppMenu} appBar={AllianceAppBar}>
    {children}
  </Layout>
);
