import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
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

/** Recommendations by owning organisation and self-reported status; a bar opens the list behind it. */
export function StatusByOwnerChart({ rows }: { rows: DashboardData['byOwner'] }) {
  const navigate = useNavigate();
  const data = rows.map((row) => ({ ...row, name: row.owner.shortName ?? row.owner.name }));
  const summary = rows.map((row) => `${row.owner.name}: ${row.total} (${row.overdue} overdue)`).join('; ');
  return (
    <Panel title="Status by owning organisation" to={listLink('recommendations', {})} linkText="All recommendations">
      <div role="img" aria-label={`Recommendations by owner and status. ${summary}`} style={{ width: '100%', height: Math.max(220, data.length * 44 + 60) }}>
        <ResponsiveContainer>
          <BarChart data={data} layout="vertical" margin={{ left: 24, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={120} />
            <Tooltip />
            <Legend />
            {series.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.name} stackId="status" fill={s.colour} cursor="pointer"
                onClick={(entry: { payload?: { owner: { id: string } } }) => entry.payload && navigate(listLink('recommendations', { ownerId: entry.payload.owner.id, includeDescendants: false, statuses: [s.status] }))} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </Panel>
  );
}
