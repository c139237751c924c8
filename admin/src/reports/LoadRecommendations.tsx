import { excerpt } from '../../../server/domain/excerpt.ts';
import DeleteIcon from '@mui/icons-material/Delete';
import {
  Alert, Autocomplete, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, IconButton,
  Radio, RadioGroup, Stack, Tab, Tabs, TextField, Typography, useMediaQuery,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useGetList, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { label, recommendationStatusLabels, verdictText } from '../common/choices';
import { dayForInput, dayFromInput } from '../common/dates';
import { closedOnPurpose } from '../common/FormDialogs';
import { useOneAtATime } from '../common/useOneAtATime';
import { readAsBase64 } from '../providers/files';
import { graphql } from '../providers/graphql';
import { addRecommendationsMutation as ADD, intakeOrganisationsQuery as ORGANISATIONS, intakePreviewMutation as PREVIEW, intakeRepeatCandidatesQuery as CANDIDATES } from './intakeQueries';
import { inTurns } from '../../../server/domain/intake/repeat-seeking.ts';
import { organisationName, recommendationInReport, reportName } from '../common/naming';
import { asSentence, type Candidate, emptyRow, type Organisation, problemsOf, referenceAfter, refusedRows, type Row, type RowProblems, rowKey, toCorrect } from './intakeRows';

/**
 * Loading a report's recommendations: paste its recommendations section or choose its PDF, Word
 * document, spreadsheet or CSV; the server reads and splits it and proposes addressees and probable
 * repeats; the inspector corrects the rows (reference, text, addressees, target date, the repeat
 * to link, or none) and saves them all in one step. "Add recommendation" is the same table with
 * one empty row.
 */

type Preview = {
  previewRecommendationIntake: {
    format: string;
    warnings: string[];
    rows: { reference: string; text: string; targetDate: string | null; warnings: string[]; addressees: Organisation[] }[];
  };
};

/** How long before a search that failed (the server busy, say) is tried once more. */
const SEEK_AGAIN_MS = 2000;

/**
 * Each row's probable repeats, a few rows at a time, each told as it arrives. A search that fails is
 * tried once more, then told as failed: it said "No probable repeat found", which it had not looked for.
 */
async function seekRepeats(reportId: string, rows: Row[], found: (row: Row, candidates: Candidate[]) => void, failed: (row: Row, reason: string) => void) {
  await inTurns(rows, async (row) => {
    const input = { reportId, reference: row.reference, text: row.text, addresseeIds: row.addressees.map((organisation) => organisation.id) };
    const ask = () => graphql<{ intakeRepeatCandidates: Candidate[] }>(CANDIDATES, { input });
    try {
      found(row, (await ask().catch(async () => {
        await new Promise((resolve) => setTimeout(resolve, SEEK_AGAIN_MS));
        return ask();
      })).intakeRepeatCandidates);
    } catch (error) {
      failed(row, (error as Error).message);
    }
  });
}

function CandidateChoice({ row, onChange, onSeek }: { row: Row; onChange: (repeatsId: string) => void; onSeek: () => void }) {
  if (row.candidates === null) return <Typography variant="body2" color="text.secondary">Looking for earlier recommendations…</Typography>;
  if (row.seekFailed) {
    return (
      <Alert severity="warning" sx={{ py: 0 }} action={<Button size="small" onClick={onSeek}>Look again</Button>}>
        Could not look for earlier recommendations: {row.seekFailed}
      </Alert>
    );
  }
  if (row.candidates.length === 0) {
    return <Typography variant="body2" color="text.secondary">{row.soughtFor ? 'No probable repeat found' : 'Sought once its text is written'}</Typography>;
  }
  return (
    <RadioGroup value={row.repeatsId} onChange={(event) => onChange(event.target.value)} aria-label={`Repeats, for ${row.reference}`}>
      <FormControlLabel value="" control={<Radio size="small" />} label={<Typography variant="body2">None: not a repeat</Typography>} />
      {row.candidates.map(({ recommendation: rec }) => (
        <FormControlLabel
          key={rec.id}
          value={rec.id}
          // The radio beside the candidate's first line, its name, not centred on its three.
          sx={{ alignItems: 'flex-start', mb: 0.5 }}
          control={<Radio size="small" sx={{ mt: -0.5 }} />}
          label={
            <Box>
              <Typography variant="body2">{recommendationInReport(rec)}</Typography>
              <Typography variant="caption" color="text.secondary">
                {label(recommendationStatusLabels, rec.status)} · {verdictText(rec.latestVerdict)} — {excerpt(rec.text, 160)}
              </Typography>
            </Box>
          }
        />
      ))}
    </RadioGroup>
  );
}

/** The organisations a row is addressed to, found on the server as the inspector types (there may be thousands). */
function AddresseePicker({ value, onChange, problem }: { value: Organisation[]; onChange: (value: Organisation[]) => void; problem?: string }) {
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<Organisation[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      graphql<{ organisations: { edges: { node: Organisation }[] } }>(ORGANISATIONS, { search: search.trim() || null }).then(
        (data) => { if (current) { setOptions(data.organisations.edges.map((edge) => edge.node)); setError(null); } },
        (failure: unknown) => { if (current) setError(failure instanceof Error ? failure.message : 'The organisations could not be read.'); },
      );
    }, 250);
    return () => { current = false; clearTimeout(timer); };
  }, [search]);
  return (
    <Autocomplete
      multiple
      size="small"
      options={options}
      value={value}
      filterOptions={(found) => found}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      getOptionLabel={(organisation: Organisation) => organisationName(organisation)}
      onChange={(_event, chosen) => onChange(chosen)}
      onInputChange={(_event, typed, reason) => { if (reason !== 'reset') setSearch(typed); }}
      noOptionsText={search ? 'No active organisation by that name' : 'Type part of a name'}
      renderInput={(params) => <TextField {...params} label="Addressed to (the first owns it)" error={Boolean(error ?? problem)} helperText={error ?? problem} />}
    />
  );
}

/** One row of the table; once a save was refused, what it lacks is said on each field. */
function RowEditor({ row, checked, onChange, onTextDone, onSeek, onRemove }: {
  row: Row; checked: boolean; onChange: (row: Row) => void; onTextDone: () => void; onSeek: () => void; onRemove: () => void;
}) {
  const problems = checked ? problemsOf(row) : (row.refused ?? {});
  const marked = (field: keyof RowProblems) => ({ error: Boolean(problems[field]), helperText: problems[field] });
  return (
    <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }} data-testid="intake-row">
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5}>
        <Stack spacing={1.5} sx={{ flex: 3, minWidth: 0 }}>
          <Stack direction="row" spacing={1} alignItems="flex-start">
            <TextField label="Reference" size="small" value={row.reference} onChange={(e) => onChange({ ...row, reference: e.target.value })} sx={{ width: 110 }} {...marked('reference')} />
            <TextField label="Target date" placeholder="dd/mm/yyyy" size="small" value={row.targetDate} onChange={(e) => onChange({ ...row, targetDate: e.target.value })} slotProps={{ inputLabel: { shrink: true } }} sx={{ width: 150 }} {...marked('targetDate')} />
            <Box sx={{ flex: 1 }} />
            <IconButton aria-label={`Remove ${row.reference}`} onClick={onRemove}><DeleteIcon /></IconButton>
          </Stack>
          <TextField label="Recommendation" multiline minRows={2} size="small" value={row.text} onChange={(e) => onChange({ ...row, text: e.target.value })} onBlur={onTextDone} {...marked('text')} />
          <AddresseePicker value={row.addressees} onChange={(addressees) => onChange({ ...row, addressees })} problem={problems.addressees} />
          {row.warnings.map((warning) => <Alert key={warning} severity="warning" sx={{ py: 0 }}>{asSentence(warning)}</Alert>)}
        </Stack>
        <Box sx={{ flex: 2, minWidth: 0 }}>
          <Typography variant="subtitle2">Probably repeats</Typography>
          <CandidateChoice row={row} onChange={(repeatsId) => onChange({ ...row, repeatsId })} onSeek={onSeek} />
        </Box>
      </Stack>
    </Box>
  );
}

export function LoadRecommendationsDialog({ open, onClose, blank }: { open: boolean; onClose: () => void; blank: boolean }) {
  const report = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const narrow = useMediaQuery('(max-width: 900px)');
  const [source, setSource] = useState<'paste' | 'file'>('paste');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Set by the first save: from then on each row says on its fields what it lacks.
  const [checked, setChecked] = useState(false);
  const oneAtATime = useOneAtATime();
  // A recommendation added on its own usually follows the report's last one ("R14" after "R13"; by
  // reference is the order printed): its reference is offered, to change if not.
  const { data: lastAdded, isPending: lastPending } = useGetList(
    'recommendations',
    { filter: { reportId: report?.id }, sort: { field: 'reference', order: 'DESC' }, pagination: { page: 1, perPage: 1 } },
    { enabled: open && blank && Boolean(report?.id) },
  );
  const offeredReference = referenceAfter(lastAdded?.[0]?.reference);

  useEffect(() => {
    if (!open) return;
    setRows(blank ? [emptyRow()] : null);
    setText('');
    setFile(null);
    setError(null);
    setWarnings([]);
    setChecked(false);
  }, [open, blank]);

  useEffect(() => {
    if (!open || !blank || lastPending || !offeredReference) return;
    setRows((current) => current?.map((row, index) => (index === 0 && !row.reference ? { ...row, reference: offeredReference } : row)) ?? null);
  }, [open, blank, lastPending, offeredReference]);

  if (!report) return null;

  // Candidates arriving for a text the row no longer has are dropped: it was sought again.
  const found = (sought: Row, candidates: Candidate[]) =>
    setRows((current) => current?.map((row) => (row.key === sought.key && row.soughtFor === sought.soughtFor
      ? { ...row, candidates, seekFailed: undefined, repeatsId: candidates.some((candidate) => candidate.recommendation.id === row.repeatsId) ? row.repeatsId : '' }
      : row)) ?? null);
  const failed = (sought: Row, reason: string) =>
    setRows((current) => current?.map((row) => (row.key === sought.key && row.soughtFor === sought.soughtFor ? { ...row, candidates: [], seekFailed: reason } : row)) ?? null);

  /**
   * A row whose text was written or changed by hand is sought again, when the inspector leaves its
   * text; one whose search failed, when they ask for it again.
   */
  const seekAgain = (row: Row, evenUnchanged = false) => {
    const text = row.text.trim();
    if (!text || (text === row.soughtFor && !evenUnchanged)) return;
    const sought = { ...row, text, candidates: null, soughtFor: text };
    setRows((current) => current?.map((other) => (other.key === row.key ? { ...other, candidates: null, seekFailed: undefined, soughtFor: text } : other)) ?? null);
    void seekRepeats(String(report.id), [sought], found, failed);
  };

  const read = async () => {
    setBusy(true);
    setError(null);
    try {
      const input = source === 'paste' ? { reportId: report.id, text } : { reportId: report.id, file: { name: file!.name, contentBase64: await readAsBase64(file!) } };
      const data = await graphql<Preview>(PREVIEW, { input });
      const preview = data.previewRecommendationIntake;
      setWarnings(preview.warnings);
      const read: Row[] = preview.rows.map((row) => ({
        key: rowKey(),
        reference: row.reference,
        text: row.text,
        addressees: row.addressees,
        targetDate: row.targetDate ? (dayForInput(row.targetDate) ?? '') : '',
        warnings: row.warnings,
        candidates: null,
        // As the text is compared when the inspector leaves it: trimmed, or an unchanged text is sought again.
        soughtFor: row.text.trim(),
        repeatsId: '',
      }));
      setRows(read);
      void seekRepeats(String(report.id), read, found, failed);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  };

  // One save at a time: a second click before the button shows it is saving would send the rows again.
  const save = () => oneAtATime(async () => {
    if (!rows) return;
    setChecked(true);
    // Said by the banner below, as long as they last.
    if (rows.some((row) => Object.keys(problemsOf(row)).length > 0)) return;
    setBusy(true);
    setError(null);
    try {
      await graphql(ADD, {
        input: {
          reportId: report.id,
          recommendations: rows.map((row) => ({
            reference: row.reference.trim(),
            text: row.text.trim(),
            ownerId: row.addressees[0]!.id,
            addresseeIds: row.addressees.slice(1).map((organisation) => organisation.id),
            targetDate: row.targetDate.trim() ? dayFromInput(row.targetDate) : null,
            repeatsId: row.repeatsId || null,
          })),
        },
      });
      notify(`${rows.length} recommendation${rows.length === 1 ? '' : 's'} added`, { type: 'success' });
      onClose();
      refresh();
    } catch (caught) {
      const refused = refusedRows(caught, rows);
      if (refused) setRows(refused);
      else setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  });

  // A changed row loses what the server refused in it; the refusal's banner goes with any change.
  const update = (key: number, row: Row) => {
    setError(null);
    setRows((current) => current?.map((other) => (other.key === key ? { ...row, refused: undefined } : other)) ?? null);
  };
  const remove = (key: number) => {
    setError(null);
    setRows((current) => current?.filter((other) => other.key !== key) ?? null);
  };
  const incomplete = checked && rows ? rows.filter((row) => Object.keys(problemsOf(row)).length > 0) : (rows ?? []).filter((row) => row.refused);
  const banner = incomplete.length > 0 ? toCorrect(incomplete) : error;

  return (
    <Dialog open={open} onClose={closedOnPurpose(onClose)} fullWidth maxWidth="lg" fullScreen={narrow} aria-labelledby="load-recommendations-title">
      {/* The report on one line under what is being done: its whole title took three lines at 800 px, above the rows. */}
      <DialogTitle id="load-recommendations-title">
        {blank ? 'Add recommendation' : 'Load recommendations'}
        <Typography component="span" variant="body2" color="text.secondary" noWrap sx={{ display: 'block' }} title={report.title}>to {reportName({ title: report.title, publishedOn: report.publishedOn })}</Typography>
      </DialogTitle>
      <DialogContent dividers>
        {rows === null && (
          <Stack spacing={2}>
            <Tabs value={source} onChange={(_event, value) => setSource(value)}>
              <Tab value="paste" label="Paste text" />
              <Tab value="file" label="Choose a file" />
            </Tabs>
            {source === 'paste' ? (
              <TextField label="The recommendations section, as printed" multiline minRows={10} value={text} onChange={(e) => setText(e.target.value)} />
            ) : (
              <Stack spacing={1}>
                <Button variant="outlined" component="label" sx={{ alignSelf: 'flex-start' }}>
                  Choose a PDF, Word, Excel or CSV file
                  <input hidden type="file" accept=".pdf,.docx,.xlsx,.csv,application/pdf" onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="intake-file" />
                </Button>
                <Typography variant="body2">{file ? `${file.name} (${Math.ceil(file.size / 1024)} kB)` : 'No file chosen. At most 10 MB.'}</Typography>
              </Stack>
            )}
          </Stack>
        )}
        {rows !== null && (
          <Stack spacing={1.5}>
            {!blank && <Typography variant="body2">{rows.length} recommendation{rows.length === 1 ? '' : 's'} found. Correct them, choose the repeats, then save: nothing is saved before.</Typography>}
            {warnings.map((warning) => <Alert key={warning} severity="warning">{warning}</Alert>)}
            {rows.map((row) => <RowEditor key={row.key} row={row} checked={checked} onChange={(changed) => update(row.key, changed)} onTextDone={() => seekAgain(row)} onSeek={() => seekAgain(row, true)} onRemove={() => remove(row.key)} />)}
            <Button onClick={() => setRows((current) => [...(current ?? []), emptyRow(referenceAfter(current?.at(-1)?.reference))])} sx={{ alignSelf: 'flex-start' }}>Add a row</Button>
          </Stack>
        )}
      </DialogContent>
      {/* Beside the buttons, outside the rows' scrolling: a refused save is seen where it was clicked. */}
      {banner && <Alert severity="error" role="alert" sx={{ mx: 3, mt: 1.5 }}>{banner}</Alert>}
      <DialogActions>
        {/* Not while busy: "Saving…" is narrower than "Save 4 recommendations", and the second click of a
            double click landed on Cancel as it moved under the pointer, closing the dialog and its rows. */}
        <Button onClick={onClose} disabled={busy}>Cancel</Button>
        {rows === null ? (
          <Button variant="contained" onClick={read} disabled={busy || (source === 'paste' ? !text.trim() : !file)}>{busy ? 'Reading…' : 'Read recommendations'}</Button>
        ) : (
          <Button variant="contained" onClick={save} disabled={busy || rows.length === 0}>{busy ? 'Saving…' : `Save ${rows.length} recommendation${rows.length === 1 ? '' : 's'}`}</Button>
        )}
      </DialogActions>
    </Dialog>
  );
}

/** The report page's buttons for loading and adding recommendations, shown to those who may. */
export function RecommendationIntakeButtons() {
  const report = useRecordContext();
  const [open, setOpen] = useState<'load' | 'add' | null>(null);
  if (!report?.viewerCanChangeRecommendations) return null;
  return (
    <>
      <Button size="small" onClick={() => setOpen('load')}>Load recommendations</Button>
      <Button size="small" onClick={() => setOpen('add')}>Add recommendation</Button>
      <LoadRecommendationsDialog open={open !== null} blank={open === 'add'} onClose={() => setOpen(null)} />
    </>
  );
}
