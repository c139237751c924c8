import { Alert, AlertTitle, Box, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useFormContext, useFormState, type FieldError } from 'react-hook-form';
import {
  SaveButton, SimpleForm, Toolbar, useDataProvider, useEditContext, useGetMany, useResourceContext, useSaveContext, useTranslateLabel,
  type RaRecord, type SimpleFormProps,
} from 'react-admin';
import { readableDay } from './dates';
import { useOneAtATime } from './useOneAtATime';
import { actionStatusLabels, label, organisationKindLabels, recommendationStatusLabels, reportKindLabels, roleLabels, strengthLabels, verificationLabels } from './choices';

/**
 * Every form that writes a record: the server's problems shown on the form itself (field errors on
 * their fields, by providers/errors.ts; a conflict and warnings below the inputs, here), and what
 * the person typed kept when the record is read again (`keepDirtyValues`), so a conflict is
 * resolved by re-applying their changes onto the current version. No Delete button: removals
 * the API makes are buttons of their own, with their reason and history.
 */
const KEEP_TYPED = { keepDirtyValues: true } as const;

export function RecordForm({ children, toolbar, ...props }: SimpleFormProps) {
  const onlyOnce = useSaveOnce();
  return (
    <SimpleForm resetOptions={KEEP_TYPED} toolbar={toolbar ?? <RecordToolbar />} onSubmit={onlyOnce} {...props}>
      <WriteProblems />
      {children}
    </SimpleForm>
  );
}

/** The form's save, one at a time: a pessimistic create or edit resolves when the server has answered. */
function useSaveOnce() {
  const { save } = useSaveContext();
  const oneAtATime = useOneAtATime();
  return useCallback((values: Record<string, unknown>) => (save ? oneAtATime(async () => save(values)) : undefined), [save, oneAtATime]);
}

/** Save, and whatever else the form offers (Cancel in a dialog): enabled on a form not yet changed, never while it saves. */
export function RecordToolbar({ saveLabel, children }: { saveLabel?: string; children?: ReactNode }) {
  const { isSubmitting } = useFormState();
  const { clearErrors } = useFormContext();
  return (
    <Toolbar sx={{ gap: 1 }}>
      {/* Each save starts from what the form itself finds wrong: a problem the server reported last time
          is reported again if it still holds, and one it put on a path the form has no input for would
          otherwise block every later save ("The form is not valid", nothing marked). */}
      <SaveButton label={saveLabel ?? 'Save'} alwaysEnable={!isSubmitting} onClick={() => clearErrors()} />
      {children}
    </Toolbar>
  );
}

type RootProblems = { conflict?: FieldError; warnings?: Record<string, FieldError> };

/** Problems the form shows below its inputs, set by providers/errors.ts under `root`. */

function WriteProblems() {
  const { errors } = useFormState();
  const root = errors.root as RootProblems | undefined;
  if (root?.conflict) return <ConflictPanel />;
  if (root?.warnings) return <WarningsPanel warnings={root.warnings} />;
  return null;
}

/** Brings a problem shown at the top of a long form (or a scrolled dialog) into view. */
function useShownAtOnce() {
  const here = useRef<HTMLDivElement>(null);
  // Braces: newer browsers return a promise from scrollIntoView, which React would take for a cleanup.
  useEffect(() => {
    void here.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return here;
}

/** The warnings the server asks to confirm: saved anyway, the form is sent again with them confirmed. */
function WarningsPanel({ warnings }: { warnings: Record<string, FieldError> }) {
  const { getValues, setValue, clearErrors } = useFormContext();
  const here = useShownAtOnce();
  const saveAnyway = () => {
    const confirmed = new Set<string>([...((getValues('confirmedWarnings') as string[] | undefined) ?? []), ...Object.keys(warnings)]);
    setValue('confirmedWarnings', [...confirmed]);
    clearErrors('root');
    here.current?.closest('form')?.requestSubmit();
  };
  return (
    <Alert ref={here} severity="warning" variant="outlined" role="alert" sx={{ width: '100%', boxSizing: 'border-box', bgcolor: 'background.paper' }}>
      <AlertTitle>Check before saving</AlertTitle>
      {Object.entries(warnings).map(([code, warning]) => <Typography key={code} variant="body2">{warning.message}</Typography>)}
      <Typography variant="body2" sx={{ mt: 1 }}>If you save anyway, history records that you saw this warning.</Typography>
      <Stack direction="row" spacing={1} sx={{ mt: 1.5 }}>
        <Button variant="contained" color="warning" onClick={saveAnyway}>Save anyway</Button>
        <Button onClick={() => clearErrors('root')}>Change it</Button>
      </Stack>
    </Alert>
  );
}

/** Inputs that name another record by its id, and the resource it is in (to show its name). */
const references: Record<string, string> = {
  ownerId: 'organisations', parentId: 'organisations', organisationId: 'organisations', inspectorateId: 'organisations',
  addresseeIds: 'organisations', themeIds: 'themes', followsUpIds: 'reports',
};

/** Inputs that hold one of the API's enums, by resource: shown by their words, never their codes. */
const enumLabels: Record<string, Record<string, Record<string, string>>> = {
  recommendations: { status: recommendationStatusLabels },
  actionItems: { status: actionStatusLabels },
  evidence: { strength: strengthLabels, verification: verificationLabels },
  reports: { kind: reportKindLabels },
  organisations: { kind: organisationKindLabels },
  users: { role: roleLabels },
};

function Value({ name, value }: { name: string; value: unknown }) {
  const labels = enumLabels[useResourceContext() ?? '']?.[name];
  if (labels && typeof value === 'string') return <>{label(labels, value)}</>;
  return <PlainValue name={name} value={value} />;
}

function PlainValue({ name, value }: { name: string; value: unknown }) {
  const resource = references[name];
  const ids = resource ? (Array.isArray(value) ? value : value ? [value] : []) : [];
  const { data } = useGetMany(resource ?? 'organisations', { ids }, { enabled: ids.length > 0 });
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return <em>none</em>;
  if (resource && data) return <>{data.map((record: RaRecord) => String(record.name ?? record.title ?? record.id)).join(', ')}</>;
  if (typeof value === 'boolean') return <>{value ? 'Yes' : 'No'}</>;
  // A day as every page shows one (30 Jun 2027), never as the API sends it.
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return <>{readableDay(value)}</>;
  if (Array.isArray(value)) return <>{value.join(', ')}</>;
  return <>{typeof value === 'object' ? JSON.stringify(value) : String(value)}</>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The form's inputs (react-hook-form's registered names: values of the record no input shows are
 * left out), and each one's label as its input shows it ("What will be done"), read from the form
 * around `here`.
 */
function useFormFields(here: React.RefObject<HTMLElement | null>) {
  const resource = useResourceContext()!;
  const translateLabel = useTranslateLabel();
  const { control } = useFormContext();
  const [labels, setLabels] = useState<Record<string, string>>({});
  useEffect(() => {
    const form = here.current?.closest('form');
    if (!form) return;
    const found: Record<string, string> = {};
    for (const input of form.querySelectorAll<HTMLInputElement>('input[name], textarea[name]')) {
      // A radio button's own label is one choice ("Not planned"): the field's name is its group's legend.
      const text = input.type === 'radio'
        ? input.closest('fieldset')?.querySelector('legend')?.textContent
        : input.id ? form.querySelector(`label[for="${CSS.escape(input.id)}"]`)?.textContent : null;
      if (text && !found[input.name]) found[input.name] = text.replace(/\s*\*\s*$/, '').trim();
    }
    setLabels(found);
  }, [here]);
  const inputs = [...control._names.mount].filter((name) => !name.includes('.'));
  const label = (name: string) => labels[name] ?? translateLabel({ source: name.replace(/Ids?$/, ''), resource });
  return { inputs, label };
}

/**
 * A dialog reads the record afresh when it opens; if someone saved it after the page behind was
 * read, the person is told what changed before they act on it, never left to overwrite a change
 * they have not seen (the page behind is read again once the dialog saves). Fields no input of the form shows are left out,
 * except the one the dialog's action is about (`about`: a verification the dialog sets, say).
 */
export function ChangedSinceShown({ shown, about = [] }: { shown: RaRecord | undefined; about?: string[] }) {
  const { record } = useEditContext();
  const here = useRef<HTMLDivElement>(null);
  const { inputs, label } = useFormFields(here);
  // Newer only: a record the dialog kept from an earlier opening may be older than the page until it is read again.
  const newer = Boolean(shown && record && shown.id === record.id && typeof shown.version === 'number' && typeof record.version === 'number' && record.version > shown.version);
  const changed = newer ? [...new Set([...inputs, ...about])].filter((name) => name in record! && !same(shown![name], record![name])) : [];
  return (
    <div ref={here} style={{ width: '100%' }}>
      {newer && (
        <Alert severity="info" variant="outlined" role="status" sx={{ width: '100%', boxSizing: 'border-box', '& .MuiAlert-message': { width: '100%' } }}>
          <AlertTitle>Changed since this page was shown</AlertTitle>
          <Typography variant="body2">Someone saved it after you opened the page: the form starts from what is saved now.</Typography>
          {changed.length > 0 && (
            <Table size="small" aria-label="What changed since the page was shown">
              <TableHead>
                <TableRow><TableCell>Field</TableCell><TableCell>On the page</TableCell><TableCell>Saved now</TableCell></TableRow>
              </TableHead>
              <TableBody>
                {changed.map((name) => (
                  <TableRow key={name}>
                    <TableCell>{label(name)}</TableCell>
                    <TableCell><Value name={name} value={shown![name]} /></TableCell>
                    <TableCell><strong><Value name={name} value={record![name]} /></strong></TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Alert>
      )}
    </div>
  );
}

/**
 * Someone else saved the record first. Shows what the person typed beside what is saved now, and
 * lets them put their changes onto the current version (the record is read again; their typed
 * values stay, the rest and the version are the new ones) or drop theirs.
 */
function ConflictPanel() {
  const resource = useResourceContext()!;
  const { record, refetch } = useEditContext();
  const dataProvider = useDataProvider();
  const { dirtyFields } = useFormState();
  const { getValues, reset, clearErrors } = useFormContext();
  const [current, setCurrent] = useState<RaRecord | null>(null);
  const here = useShownAtOnce();
  const { inputs, label } = useFormFields(here);
  useEffect(() => {
    if (record) void dataProvider.getOne(resource, { id: record.id }).then(({ data }) => setCurrent(data));
  }, [dataProvider, resource, record]);

  const typed = Object.keys(dirtyFields);
  const changedByOthers = current && record ? inputs.filter((name) => !typed.includes(name) && !same(record[name], current[name])) : [];
  const values = getValues();

  const keepMine = async () => {
    await refetch();
    clearErrors('root');
  };
  const dropMine = async () => {
    const { data } = await refetch();
    if (data) reset(data);
    clearErrors('root');
  };

  return (
    <Alert ref={here} severity="warning" variant="outlined" role="alert" sx={{ width: '100%', boxSizing: 'border-box', bgcolor: 'background.paper', '& .MuiAlert-message': { width: '100%' } }}>
      <AlertTitle>Someone else saved this record after you opened it</AlertTitle>
      {current ? (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label="Your changes and the saved values">
            <TableHead>
              <TableRow><TableCell>Field</TableCell><TableCell>Yours (not saved)</TableCell><TableCell>Saved now</TableCell></TableRow>
            </TableHead>
            <TableBody>
              {typed.map((name) => (
                <TableRow key={name}>
                  <TableCell>{label(name)}</TableCell>
                  <TableCell><strong><Value name={name} value={values[name]} /></strong></TableCell>
                  <TableCell><Value name={name} value={current[name]} /></TableCell>
                </TableRow>
              ))}
              {changedByOthers.map((name) => (
                <TableRow key={name}>
                  <TableCell>{label(name)}</TableCell>
                  <TableCell><em>not changed by you</em></TableCell>
                  <TableCell><Value name={name} value={current[name]} /></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      ) : (
        <Typography variant="body2">Reading the saved version…</Typography>
      )}
      <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" sx={{ mt: 1.5 }}>
        <Button variant="contained" color="warning" onClick={keepMine}>Keep my changes on the saved version</Button>
        <Button onClick={dropMine}>Discard mine</Button>
      </Stack>
      <Typography variant="caption" component="p" sx={{ mt: 1 }}>
        Keeping yours puts what you typed onto the saved version; check it, then save again.
      </Typography>
    </Alert>
  );
}
