import DownloadIcon from '@mui/icons-material/Download';
import PrintIcon from '@mui/icons-material/Print';
import { Alert, Box, Button, GlobalStyles, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, Title } from 'react-admin';
import { useParams } from 'react-router-dom';
import type { FollowUpPack, PackRecommendation } from '../../../server/domain/follow-up-pack-types.ts';
import { describeSlippage, PACK_FIGURES, reportedStatusSince } from '../../../server/domain/follow-up-pack-wording.ts';
import {
  actionStatusLabels, GAP_HEADING, gapText, label, recommendationStatusLabels, reportKindLabels, responseLabels, strengthLabels, verdictLabels, verdictText,
  verificationLabels,
} from '../common/choices';
import { readableDay, readableMoment } from '../common/dates';

/** The pack as JSON carries its dates as strings. */
type Serialised<T> = T extends Date ? string : T extends (infer Item)[] ? Serialised<Item>[] : T extends object ? { [Key in keyof T]: Serialised<T[Key]> } : T;
type Pack = Serialised<FollowUpPack>;
type Rec = Serialised<PackRecommendation>;

export const followUpPackPath = (id: string, kind: 'pdf' | 'json') => `/reports/${encodeURIComponent(id)}/follow-up-pack.${kind}`;

/** Printed: no app bar, menu, notices or buttons; each recommendation starts a page, as in the PDF. */
const printStyles = (
  <GlobalStyles
    styles={{
      '@media print': {
        '.MuiAppBar-root, .RaSidebar-root, .MuiDrawer-root, [data-testid="demo-notice"], .no-print, button': { display: 'none !important' },
        '.RaLayout-appFrame': { marginTop: '0 !important' },
        '.RaLayout-content': { padding: '0 !important' },
        '.follow-up-pack section.recommendation': { breakBefore: 'page' },
        '.follow-up-pack table, .follow-up-pack .action': { breakInside: 'avoid' },
        body: { background: 'white' },
      },
    }}
  />
);

const gapColour: Record<string, string> = { OVERSTATED: 'error.main', CONFIRMED: 'success.main', UNVERIFIED: 'warning.dark' };

function Rows({ header, rows, maxWidth }: { header: string[]; rows: ReactNode[][]; maxWidth?: number }) {
  return (
    <Table size="small" sx={{ mb: 2, maxWidth, '& td, & th': { verticalAlign: 'top', px: 1 } }}>
      <TableHead>
        <TableRow>{header.map((name) => <TableCell key={name} sx={{ color: 'text.secondary' }}>{name}</TableCell>)}</TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row, index) => <TableRow key={index}>{row.map((cell, column) => <TableCell key={column}>{cell}</TableCell>)}</TableRow>)}
      </TableBody>
    </Table>
  );
}

function Facts({ facts }: { facts: [string, ReactNode][] }) {
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '11rem 1fr' }, columnGap: 2, rowGap: 0.5, m: 0, mb: 2 }}>
      {facts.map(([name, value]) => (
        <Box key={name} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary">{name}</Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0 }}>{value}</Typography>
        </Box>
      ))}
    </Box>
  );
}

const Heading = ({ children }: { children: ReactNode }) => <Typography variant="h6" component="h3" sx={{ mt: 2, mb: 1, fontSize: '1.05rem' }}>{children}</Typography>;
const None = ({ children }: { children: ReactNode }) => <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{children}</Typography>;

function Recommendation({ rec }: { rec: Rec }) {
  return (
    <Box component="section" className="recommendation" aria-labelledby={`rec-${rec.id}`} sx={{ mt: 4, pt: 2, borderTop: 2, borderColor: 'divider' }}>
      <Typography variant="h5" component="h2" id={`rec-${rec.id}`}>Recommendation {rec.reference}</Typography>
      <Typography sx={{ my: 1 }}>{rec.text}</Typography>
      {rec.withdrawn && <Alert severity="warning" sx={{ mb: 1 }}>Withdrawn on {readableDay(rec.withdrawn.at)}{rec.withdrawn.reason ? `: ${rec.withdrawn.reason}` : ''}.</Alert>}
      <Facts
        facts={[
          ['Owner', rec.owner],
          ['Reported status', reportedStatusSince(rec.status, rec.statusChangedAt)],
          ['Latest verdict', verdictText(rec.latestVerdict)],
          [GAP_HEADING, <Box component="span" sx={{ color: gapColour[rec.gap], fontWeight: rec.gap === 'OVERSTATED' ? 600 : undefined }}>{gapText(rec.gap, rec.latestVerdict)}</Box>],
          ['Target date', <Box component="span" sx={{ color: rec.overdue ? 'error.main' : undefined }}>{describeSlippage(rec.target)}{rec.overdue ? ', overdue' : ''}</Box>],
          ['First made', rec.firstMadeOn ? readableDay(rec.firstMadeOn) : '—'],
          ['Themes', rec.themes.join(', ') || '—'],
        ]}
      />
      {rec.target.moves.length > 0 && (
        <Box component="ul" sx={{ mt: 0, color: 'text.secondary', typography: 'body2' }}>
          {rec.target.moves.map((move, index) => <li key={index}>{readableDay(move.on)}: moved from {readableDay(move.from) || 'none'} to {readableDay(move.to) || 'none'}{move.reason ? `. ${move.reason}` : ''}</li>)}
        </Box>
      )}

      <Heading>{rec.lineage.length ? `Lineage: repeats ${rec.lineage.length === 1 ? 'an earlier recommendation' : `${rec.lineage.length} earlier recommendations`}` : 'Lineage'}</Heading>
      {rec.lineage.length === 0 ? <None>Not a repeat of an earlier recommendation.</None> : (
        <Box component="ol" sx={{ mt: 0, pl: 3 }} aria-label={`Earlier recommendations ${rec.reference} repeats`}>
          {rec.lineage.map((earlier, index) => (
            <li key={index}>
              <Typography variant="body2">
                <strong>{earlier.reference}, {earlier.report.title}</strong> ({readableDay(earlier.report.publishedOn)}). Latest verdict: {verdictText(earlier.latestVerdict)}.
                {!earlier.linkConfirmed && <Box component="span" sx={{ color: 'warning.dark' }}> Repeat link not yet confirmed.</Box>}
              </Typography>
              <Typography variant="body2" color="text.secondary" sx={{ fontStyle: 'italic', mb: 1 }}>{earlier.text}</Typography>
            </li>
          ))}
        </Box>
      )}

      <Heading>Verdicts so far</Heading>
      {rec.assessments.length === 0 ? <None>No verdicts yet.</None> : (
        <Rows
          header={['Assessed', 'Recommendation', 'Verdict', 'Commentary']}
          rows={rec.assessments.map((assessment) => [
            readableDay(assessment.assessedOn),
            `${assessment.reference}${assessment.earlier ? ' (earlier)' : ''}`,
            label(verdictLabels, assessment.verdict),
            <>{assessment.commentary}{assessment.report && <Box component="span" sx={{ color: 'text.secondary' }}> ({assessment.report})</Box>}</>,
          ])}
        />
      )}

      <Heading>Responses</Heading>
      {rec.responses.length === 0 ? <None>No addressees.</None> : (
        <Rows
          header={['Addressee', 'Response', 'Responded', 'Note']}
          rows={rec.responses.map((response) => [response.organisation, label(responseLabels, response.response), response.respondedAt ? readableDay(response.respondedAt) : '—', response.note ?? ''])}
        />
      )}

      <Heading>Action plan</Heading>
      {rec.actionItems.length === 0 ? <None>No actions planned.</None> : rec.actionItems.map((item, index) => (
        <Box key={index} className="action" sx={{ mb: 2 }}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>{item.description}</Typography>
          <Typography variant="body2" color="text.secondary">
            {item.owner}{item.leadPerson ? `, ${item.leadPerson}` : ''}. {label(actionStatusLabels, item.status)}{item.completedOn ? ` on ${readableDay(item.completedOn)}` : ''}. Due:{' '}
            <Box component="span" sx={{ color: item.overdue ? 'error.main' : (item.due.days ?? 0) > 0 ? 'warning.dark' : 'text.primary' }}>{describeSlippage(item.due)}{item.overdue ? ', overdue' : ''}</Box>.
          </Typography>
          {item.due.moves.map((move, moveIndex) => (
            <Typography key={moveIndex} variant="caption" component="p" color="text.secondary" sx={{ pl: 1 }}>
              Moved on {readableDay(move.on)} from {readableDay(move.from) || 'none'} to {readableDay(move.to) || 'none'}{move.reason ? `: ${move.reason}` : ''}
            </Typography>
          ))}
          {item.evidence.length === 0 ? <None>No evidence submitted.</None> : (
            <Rows
              header={['Evidence', 'Strength', 'Submitted', 'Verification']}
              rows={item.evidence.map((evidence) => [
                <>{evidence.summary}{evidence.url && <Typography variant="caption" component="p" color="text.secondary" sx={{ wordBreak: 'break-all' }}>{evidence.url}</Typography>}</>,
                label(strengthLabels, evidence.strength),
                readableDay(evidence.submittedAt),
                <>
                  <Box component="span" sx={{ fontWeight: 600, color: evidence.verification === 'INSUFFICIENT' ? 'error.main' : evidence.verification === 'ACCEPTED' ? 'success.main' : 'warning.dark' }}>
                    {label(verificationLabels, evidence.verification)}
                  </Box>
                  {evidence.verifiedAt ? ` ${readableDay(evidence.verifiedAt)}${evidence.verifiedBy ? `, ${evidence.verifiedBy}` : ''}` : ''}
                  {evidence.verificationNote && <Typography variant="body2" component="p">{evidence.verificationNote}</Typography>}
                </>,
              ])}
            />
          )}
        </Box>
      ))}
    </Box>
  );
}

function Cover({ pack }: { pack: Pack }) {
  const { report } = pack;
  return (
    <Box component="header">
      <Typography variant="overline" color="text.secondary">Follow-up pack</Typography>
      <Typography variant="h4" component="h1" sx={{ fontSize: { xs: '1.5rem', sm: '2rem' }, mb: 2 }}>{report.title}</Typography>
      <Facts
        facts={[
          ['Inspectorate', report.inspectorate],
          ['Kind', label(reportKindLabels, report.kind)],
          ['Published', readableDay(report.publishedOn)],
          ['Prepared', readableMoment(pack.preparedAt)],
          ...(report.followsUp.length ? [['Follows up', report.followsUp.map((earlier) => `${earlier.title} (${readableDay(earlier.publishedOn)})`).join('; ')] as [string, string]] : []),
        ]}
      />
      <Heading>In figures</Heading>
      <Rows header={['', 'Number']} rows={PACK_FIGURES.map(([key, name]) => [name, pack.figures[key]])} maxWidth={640} />
      <Heading>Recommendations</Heading>
      <Rows
        header={['Ref.', 'Owner', 'Reported', 'Latest verdict', GAP_HEADING]}
        rows={pack.recommendations.map((rec) => [
          <a href={`#rec-${rec.id}`} onClick={(event) => { event.preventDefault(); document.getElementById(`rec-${rec.id}`)?.scrollIntoView(); }}>{rec.reference}</a>,
          rec.owner,
          label(recommendationStatusLabels, rec.status),
          verdictText(rec.latestVerdict),
          <Box component="span" sx={{ color: gapColour[rec.gap] }}>{gapText(rec.gap, rec.latestVerdict)}</Box>,
        ])}
      />
    </Box>
  );
}

async function fetchPack(id: string): Promise<Pack> {
  const response = await fetch(followUpPackPath(id, 'json'), { credentials: 'same-origin', headers: { accept: 'application/json' } });
  const body = (await response.json().catch(() => null)) as Pack | { errors?: { message: string }[] } | null;
  if (!response.ok || !body || 'errors' in body) {
    throw new Error((body && 'errors' in body && body.errors?.[0]?.message) || `The server answered ${response.status}.`);
  }
  return body as Pack;
}

/**
 * The follow-up pack of a report, to read on screen or print: the same pack, in the same words, as
 * the PDF the server makes (server/documents/follow-up-pack-pdf.ts), with a link to download that.
 */
export default function FollowUpPackPage() {
  const { id = '' } = useParams();
  const { data: pack, error, isPending } = useQuery({ queryKey: ['followUpPack', id], queryFn: () => fetchPack(id) });
  return (
    <Box className="follow-up-pack" sx={{ maxWidth: 960, p: { xs: 1, sm: 2 }, bgcolor: 'background.paper', mt: 1 }}>
      {printStyles}
      <Title title={pack ? `Follow-up pack: ${pack.report.title}` : 'Follow-up pack'} />
      <Box className="no-print" sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mb: 2 }}>
        <Button component="a" href={followUpPackPath(id, 'pdf')} download variant="contained" startIcon={<DownloadIcon />}>Download PDF</Button>
        <Button onClick={() => window.print()} startIcon={<PrintIcon />}>Print</Button>
        <Button component={Link} to={`/reports/${encodeURIComponent(id)}/show`}>Back to the report</Button>
      </Box>
      {isPending && <LinearProgress aria-label="Loading the follow-up pack" />}
      {error && <Alert severity="error">{error.message}</Alert>}
      {pack && (
        <>
          <Cover pack={pack} />
          {pack.recommendations.map((rec) => <Recommendation key={rec.id} rec={rec} />)}
        </>
      )}
    </Box>
  );
}
