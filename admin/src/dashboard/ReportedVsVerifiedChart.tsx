import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useNavigate } from 'react-router-dom';
import { GAP_HEADING, gapLabels, label } from '../common/choices';
import { gapFilter, listLink, within } from './links';
import { Panel } from './Panel';
import type { DashboardData } from './query';
import { chartTooltip } from './ChartLabel';

const colours: Record<string, string> = { CONFIRMED: '#00703c', OVERSTATED: '#d4351c', UNVERIFIED: '#f47738', UNDERSTATED: '#1d70b8', NONE: '#b1b4b6' };

/** What owners report against what inspectors found: the gap is the point. */
export function ReportedVsVerifiedChart({ rows, scope }: { rows: DashboardData['reportedVsVerified']; scope: string | undefined }) {
  const navigate = useNavigate();
  const data = rows.map((row) => ({ ...row, name: label(gapLabels, row.gap) }));
  const linkTo = (gap: string) => listLink('recommendations', { ...gapFilter(gap), ...within(scope) });
  const open = (gap: string) => navigate(linkTo(gap));
  return (
    <Panel title={GAP_HEADING} to={linkTo('OVERSTATED')} linkText="Reported implemented, found not achieved">
      <div role="img" aria-label={`Reported against verified: ${data.map((d) => `${d.name} ${d.count}`).join('; ')}`} style={{ width: '100%', height: 260 }}>
        <ResponsiveContainer>
          <BarChart data={data} layout="vertical" margin={{ left: 24, right: 40 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={170} />
            <Tooltip {...chartTooltip} />
            <Bar dataKey="count" name="Recommendations" cursor="pointer" onClick={(entry: { payload?: { gap: string } }) => entry.payload && open(entry.payload.gap)}>
              {data.map((row) => <Cell key={row.gap} fill={colours[row.gap] ?? '#505a5f'} />)}
              <LabelList dataKey="count" position="right" fontSize={12} fill="#0b0c0c" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </Panel>
  );
}
