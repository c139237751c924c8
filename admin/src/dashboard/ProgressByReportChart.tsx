import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useNavigate } from 'react-router-dom';
import { listLink } from './links';
import { Panel } from './Panel';
import type { DashboardData } from './query';

const percent = (share: number) => Math.round(share * 100);

/** For each recent report: share implemented as owners report it, against share achieved as inspectors found. */
export function ProgressByReportChart({ rows }: { rows: DashboardData['progressByReport'] }) {
  const navigate = useNavigate();
  const data = rows.map((row) => ({
    id: row.report.id,
    name: `${row.report.publishedOn.slice(0, 4)} · ${row.report.title.length > 40 ? `${row.report.title.slice(0, 40)}…` : row.report.title}`,
    implemented: percent(row.progress.shareImplemented),
    achieved: percent(row.progress.shareAchieved),
    count: row.progress.recommendationCount,
  }));
  const open = (entry: { payload?: { id: string } }) => entry.payload && navigate(listLink('recommendations', { reportId: entry.payload.id }));
  return (
    <Panel title="Progress by report" to="/reports" linkText="All reports">
      <div role="img" aria-label={`Progress by report: ${data.map((d) => `${d.name}: ${d.implemented}% implemented as reported, ${d.achieved}% achieved as verified`).join('; ')}`} style={{ width: '100%', height: 280 }}>
        <ResponsiveContainer>
          <BarChart data={data} margin={{ left: 8, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" interval={0} tick={{ fontSize: 12 }} />
            <YAxis unit="%" domain={[0, 100]} />
            <Tooltip formatter={(value) => `${value}%`} />
            <Legend />
            <Bar dataKey="implemented" name="Implemented, as owners report" fill="#1d70b8" cursor="pointer" onClick={open} />
            <Bar dataKey="achieved" name="Achieved, as inspectors found" fill="#00703c" cursor="pointer" onClick={open} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </Panel>
  );
}
