import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { WrappedTick } from './ChartLabel';
import { useNavigate } from 'react-router-dom';
import { listLink } from './links';
import { Panel } from './Panel';
import type { DashboardData } from './query';

const series = [
  { key: 'notStarted', status: 'NOT_STARTED', name: 'Not started', colour: '#d4351c' },
  { key: 'inProgress', status: 'IN_PROGRESS', name: 'In progress', colour: '#f47738' },
  { key: 'implemented', status: 'IMPLEMENTED', name: 'Implemented (reported)', colour: '#00703c' },
  { key: 'notPlanned', status: 'NOT_PLANNED', name: 'Not planned', colour: '#505a5f' },
] as const;

const MOST = 10;

/** Recommendations by owning organisation and self-reported status; a bar opens the list behind it. */
export function StatusByOwnerChart({ rows }: { rows: DashboardData['byOwner'] }) {
  const navigate = useNavigate();
  // The largest owners: a chart of every unit would be too tall to read; the list has them all.
  const shown = rows.slice(0, MOST);
  const data = shown.map((row) => ({ ...row, name: row.owner.shortName ?? row.owner.name }));
  const summary = rows.map((row) => `${row.owner.name}: ${row.total} (${row.overdue} overdue)`).join('; ');
  return (
    <Panel
      title={rows.length > MOST ? `Status by owning organisation: the ${MOST} largest of ${rows.length}` : 'Status by owning organisation'}
      to={listLink('recommendations', {}, { field: 'owner.name', order: 'ASC' })}
      linkText="All recommendations"
    >
      <div role="img" aria-label={`Recommendations by owner and status. ${summary}`} style={{ width: '100%', height: Math.max(220, data.length * 44 + 60) }}>
        <ResponsiveContainer>
          <BarChart data={data} layout="vertical" margin={{ left: 24, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={130} interval={0} tick={<WrappedTick width={18} />} />
            <Tooltip />
            <Legend />
            {series.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.name} stackId="status" fill={s.colour} cursor="pointer"
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
