import type { ReactNode } from 'react';
import { Box, Divider, Typography } from '@mui/material';
import { RecordField, useTranslate } from 'react-admin';
import { MultilineField } from '../common/fields';

/** A titled section of the read-only form: label/value pairs in a grid. */
export const ViewSection = ({ title, columns = 3, children }: { title: string; columns?: 1 | 2 | 3 | 4; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box component="section" sx={{ mb: 2, width: '100%' }}>
      <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
        {translate(title)}
      </Typography>
      <Divider sx={{ mb: 1 }} />
      <Box
        sx={{
          display: 'grid',
          gap: 1.5,
          gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, minmax(0, 1fr))', md: `repeat(${columns}, minmax(0, 1fr))` },
        }}
      >
        {children}
      </Box>
    </Box>
  );
};

/** A label above a value; `source` gives both unless children or a label are given. */
export const Item = ({ source, label, children, wide }: { source?: string; label?: string; children?: ReactNode; wide?: boolean }) => (
  <Box sx={wide ? { gridColumn: '1 / -1' } : undefined}>
    <RecordField source={source} label={label} empty="—">
      {children}
    </RecordField>
  </Box>
);

/** Long text kept with its line breaks, across the whole row; `bare` when the section title names it. */
export const TextItem = ({ source, label, bare }: { source: string; label?: string; bare?: boolean }) => (
  <Item source={source} label={bare ? '' : label} wide>
    <MultilineField source={source} />
  </Item>
);
