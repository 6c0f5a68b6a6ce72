import { Box, Divider, Link, Typography } from '@mui/material';
import { LocalesMenuButton, Login, LoginForm, PasswordInput, TextInput, required, useTranslate } from 'react-admin';

/** Sign in with email and password; links to registration (first-time applicants). */
export const LoginPage = () => {
  const translate = useTranslate();
  return (
    <Login>
      <Box sx={{ px: 2, pt: 1, textAlign: 'center' }}>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
          {translate('app.name')}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {translate('app.subtitle')}
        </Typography>
      </Box>
      <LoginForm>
        <TextInput autoFocus source="email" label="ra.auth.email" type="email" autoComplete="email" validate={required()} />
        <PasswordInput source="password" label="ra.auth.password" autoComplete="current-password" validate={required()} />
      </LoginForm>
      <Divider />
      <Box sx={{ p: 2, display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Link href="#/register" variant="body2">
          {translate('app.register.link')}
        </Link>
        <LocalesMenuButton />
      </Box>
    </Login>
  );
};
