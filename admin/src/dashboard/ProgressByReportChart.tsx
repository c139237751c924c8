import { useMediaQuery, type Theme } from '@mui/material';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useNavigate } from 'react-router-dom';
import { WrappedTick, chartTooltip } from './ChartLabel';
import { listLink, within } from './links';
import { Panel } from './Panel';
import type { DashboardData } from './query';
import { reportName } from '../common/naming';

const percent = (share: number) => Math.round(share * 100);

/**
 * For each recent report: share implemented as owners report it, against share achieved as
 * inspectors found. Horizontal bars, so long report titles read on the left instead of
 * overlapping under the bars; each bar carries its number.
 */
export function ProgressByReportChart({ rows, scope }: { rows: DashboardData['progressByReport']; scope: string | undefined }) {
  const navigate = useNavigate();
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const data = rows.map((row) => ({
    id: row.report.id,
    name: reportName(row.report),
    implemented: percent(row.progress.shareImplemented),
    achieved: percent(row.progress.shareAchieved),
    count: row.progress.recommendationCount,
  }));
  const open = (entry: { payload?: { id: string } }) =>
    entry.payload && navigate(listLink('recommendations', { reportId: entry.payload.id, ...within(scope) }));
  const labelWidth = narrow ? 150 : 260;
  return (
    <Panel title="Progress by report" to="/reports" linkText="All reports">
      <div
        role="img"
        aria-label={`Progress by report: ${data.map((d) => `${d.name}: ${d.implemented}% implemented as reported, ${d.achieved}% achieved as verified, of ${d.count}`).join('; ')}`}
        style={{ width: '100%', height: data.length * 64 + 70 }}
      >
        <ResponsiveContainer>
          <BarChart data={data} layout="vertical" margin={{ left: 8, right: 48 }} barCategoryGap="20%">
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" unit="%" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} />
            <YAxis type="category" dataKey="name" width={labelWidth} interval={0} tick={<WrappedTick width={narrow ? 20 : 38} />} />
            <Tooltip formatter={(value) => `${value}%`} {...chartTooltip} />
            <Legend />
            {/* minPointSize: a share of 0% still gets a sliver of bar, and so its number. */}
            <Bar dataKey="implemented" name="Implemented, as owners report" fill="#1d70b8" cursor="pointer" onClick={open} minPointSize={2}>
              <LabelList dataKey="implemented" position="right" formatter={(value: unknown) => `${value}%`} fontSize={12} fill="#0b0c0c" />
            </Bar>
            <Bar dataKey="achieved" name="Achieved, as inspectors found" fill="#00703c" cursor="pointer" onClick={open} minPointSize={2}>
              <LabelList dataKey="achieved" position="right" formatter={(value: unknown) => `${value}%`} fontSize={12} fill="#0b0c0c" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </Panel>
  );
}
