import type { ReactNode } from 'react';
import { Box, Card, CardContent, Divider, Link, Typography } from '@mui/material';
import { LocalesMenuButton, useTranslate } from 'react-admin';

/** The frame of the public pages (registration, email verification, invitation). */
export const PublicLayout = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box
      sx={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'flex-start',
        justifyContent: 'center',
        py: { xs: 2, md: 6 },
        px: 1,
        background: 'linear-gradient(160deg, #1565c0 0%, #283593 100%)',
      }}
    >
      <Card sx={{ width: '100%', maxWidth: 640 }}>
        <Box sx={{ px: 3, pt: 2, display: 'flex', alignItems: 'center', gap: 1 }}>
          <Box sx={{ flex: 1 }}>
            <Typography variant="subtitle2" color="text.secondary">
              {translate('app.name')}
            </Typography>
            <Typography variant="h6">{translate(title)}</Typography>
          </Box>
          <LocalesMenuButton />
        </Box>
        <Divider sx={{ mt: 1 }} />
        <CardContent sx={{ px: 3 }}>{children}</CardContent>
        <Divider />
        <Box sx={{ px: 3, py: 1.5 }}>
          <Link href="#/login" variant="body2">
            {translate('app.public.to_login')}
          </Link>
        </Box>
      </Card>
    </Box>
  );
};

/** The query parameter of a hash route such as `#/verify-email?token=…`. */
export const queryParam = (search: string, name: string): string | null => new URLSearchParams(search).get(name);
