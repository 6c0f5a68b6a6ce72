import type { ReactNode } from 'react';
import { Card, CardContent, CardHeader, useTheme } from '@mui/material';
import {
  Bar, BarChart, CartesianGrid, Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis,
} from 'recharts';
import { useTranslate } from 'react-admin';
import type { StatsPayload } from '../data/dataProvider';
import { useCodeLabel } from '../common/fields';
import { categoryRows, provinceRows, schoolTypeRows, stateRows } from '../lib/stats';
import { EmptyBox } from '../common/states';

const COLORS = ['#1976d2', '#ef6c00', '#2e7d32', '#8e24aa', '#c62828', '#00838f', '#6d4c41', '#546e7a', '#f9a825', '#ad1457'];

const ChartCard = ({ title, empty, children, height = 260 }: { title: string; empty: boolean; children: ReactNode; height?: number }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ minWidth: 0 }}>
      <CardHeader title={translate(title)} slotProps={{ title: { variant: 'subtitle1' } }} sx={{ pb: 0 }} />
      <CardContent sx={{ height, pt: 1 }}>
        {empty ? (
          <EmptyBox message="app.dashboard.no_data" />
        ) : (
          <ResponsiveContainer width="100%" height="100%">
            {children as never}
          </ResponsiveContainer>
        )}
      </CardContent>
    </Card>
  );
};

/** Applications per state, council and member stacked. */
export const StateChart = ({ stats }: { stats: StatsPayload }) => {
  const label = useCodeLabel();
  const theme = useTheme();
  const rows = stateRows(stats.byState).map((r) => ({ ...r, label: label('state', r.code) }));
  return (
    <ChartCard title="app.dashboard.by_state" empty={rows.every((r) => r.total === 0)}>
      <BarChart data={rows} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} />
        <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="council" name={label('application_kind', 'council')} stackId="a" fill={theme.palette.primary.main} />
        <Bar dataKey="member" name={label('application_kind', 'member')} stackId="a" fill={theme.palette.secondary.main} />
      </BarChart>
    </ChartCard>
  );
};

/** Applications per school type, as a pie. */
export const SchoolTypeChart = ({ stats }: { stats: StatsPayload }) => {
  const label = useCodeLabel();
  const rows = schoolTypeRows(stats).filter((r) => r.count > 0).map((r) => ({ ...r, label: label('school_type', r.code) }));
  return (
    <ChartCard title="app.dashboard.by_school_type" empty={rows.length === 0}>
      <PieChart>
        <Pie data={rows} dataKey="count" nameKey="label" outerRadius="75%" label={{ fontSize: 11 }}>
          {rows.map((r, i) => (
            <Cell key={r.code} fill={COLORS[i % COLORS.length]} />
          ))}
        </Pie>
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
      </PieChart>
    </ChartCard>
  );
};

/** Departments per category (the scope of the call), horizontal bars. */
export const CategoryChart = ({ stats }: { stats: StatsPayload }) => {
  const label = useCodeLabel();
  const rows = categoryRows(stats).map((r) => ({ ...r, label: label('department_category', r.code) }));
  return (
    <ChartCard title="app.dashboard.by_category" empty={rows.every((r) => r.count === 0)} height={300}>
      <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 16, left: 24, bottom: 0 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
        <YAxis type="category" dataKey="label" width={110} tick={{ fontSize: 11 }} interval={0} />
        <Tooltip />
        <Bar dataKey="count" fill={COLORS[2]} />
      </BarChart>
    </ChartCard>
  );
};

/** Applications per province, largest first. */
export const ProvinceChart = ({ stats }: { stats: StatsPayload }) => {
  const translate = useTranslate();
  const rows = provinceRows(stats).map((r) => ({ ...r, label: r.code || translate('app.dashboard.no_province') }));
  return (
    <ChartCard title="app.dashboard.by_province" empty={rows.length === 0} height={300}>
      <BarChart data={rows} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} />
        <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
        <Tooltip />
        <Bar dataKey="count" fill={COLORS[0]} />
      </BarChart>
    </ChartCard>
  );
};
