import { useTheme } from '@mui/material/styles';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { WrappedTick, chartTooltip } from './ChartLabel';
import { useNavigate } from 'react-router-dom';
import { label, recommendationStatusLabels } from '../common/choices';
import { statusColours } from '../common/EnumChip';
import { listLink, within } from './links';
import { Panel } from './Panel';
import type { DashboardData } from './query';
import { shortNameOf } from '../common/naming';

/** The statuses in the order the bars stack; their words and colours are the ones every status chip uses. */
const series = [
  { key: 'notStarted', status: 'NOT_STARTED' },
  { key: 'inProgress', status: 'IN_PROGRESS' },
  { key: 'implemented', status: 'IMPLEMENTED' },
  { key: 'notPlanned', status: 'NOT_PLANNED' },
] as const;

type PaletteColour = 'primary' | 'secondary' | 'error' | 'warning' | 'info' | 'success';

/**
 * Recommendations by owning organisation and self-reported status, for the largest owners the
 * server sends (the dashboard's list size: a chart of every unit would be too tall to read, and
 * the list has them all); a bar opens the list behind it.
 */
export function StatusByOwnerChart({ rows, ownerCount, scope }: { rows: DashboardData['byOwner']; ownerCount: number; scope: string | undefined }) {
  const navigate = useNavigate();
  const theme = useTheme();
  const colourOf = (status: string) => {
    const colour = statusColours[status];
    return colour && colour !== 'default' ? theme.palette[colour as PaletteColour].main : theme.palette.grey[600];
  };
  const data = rows.map((row) => ({ ...row, name: shortNameOf(row.owner) }));
  const others = ownerCount - rows.length;
  const summary = rows.map((row) => `${row.owner.name}: ${row.total} (${row.overdue} overdue)`).join('; ') + (others > 0 ? `; and ${others} more` : '');
  return (
    <Panel
      title={others > 0 ? `Status by owning organisation: the ${rows.length} largest of ${ownerCount}` : 'Status by owning organisation'}
      to={listLink('recommendations', within(scope), { field: 'owner.name', order: 'ASC' })}
      linkText="All recommendations"
    >
      <div role="img" aria-label={`Recommendations by owner and status. ${summary}`} style={{ width: '100%', height: Math.max(220, data.length * 44 + 60) }}>
        <ResponsiveContainer>
          <BarChart data={data} layout="vertical" margin={{ left: 24, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={130} interval={0} tick={<WrappedTick width={18} />} />
            <Tooltip {...chartTooltip} />
            <Legend />
            {series.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={label(recommendationStatusLabels, s.status)} stackId="status" fill={colourOf(s.status)} cursor="pointer"
                onClick={(entry: { payload?: { owner: { id: string } } }) => entry.payload && navigate(listLink('recommendations', { ownerId: entry.payload.owner.id, includeDescendants: false, statuses: [s.status] }))}>
                {/* Each part carries its number; a part too thin for it is read from the tooltip. */}
                <LabelList dataKey={s.key} position="center" fill="#fff" fontSize={12} formatter={(value: unknown) => (Number(value) > 0 ? String(value) : '')} />
              </Bar>
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </Panel>
  );
}
