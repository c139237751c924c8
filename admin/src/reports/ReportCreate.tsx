import AddIcon from '@mui/icons-material/Add';
import RemoveCircleOutlineIcon from '@mui/icons-material/RemoveCircleOutline';
import { Stack, Typography } from '@mui/material';
import {
  ArrayInput, AutocompleteArrayInput, AutocompleteInput, Button, Create, ReferenceArrayInput, ReferenceInput,
  SimpleFormIterator, TextInput, required, useGetIdentity, useSimpleFormIterator, useSimpleFormIteratorItem,
} from 'react-admin';
import { RecordForm } from '../common/RecordForm';
import type { Identity } from '../providers/authProvider';
import { DayInput } from '../common/DayInput';
import { useWriteErrors } from '../common/useWriteErrors';
import { ReportFields } from './ReportFields';
import { recommendationName } from '../common/naming';
import { excerpt } from '../../../server/domain/excerpt.ts';

const inspectorates = { kinds: ['INSPECTORATE'] };

/**
 * Adds a recommendation row: a button that says so (react-admin's own is a bare + icon), and beside it
 * the other way in, read under the list's label. A line of its own, not the list's helper text: that
 * turns red with any row's error and read as the error.
 */
function AddRecommendationButton() {
  const { add } = useSimpleFormIterator();
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ alignItems: { sm: 'center' }, mt: 1 }}>
      <Button label="Add recommendation" variant="outlined" onClick={() => add()} sx={{ flexShrink: 0, alignSelf: 'flex-start' }}><AddIcon /></Button>
      <Typography variant="body2" color="text.secondary">
        Add the recommendations one by one here, or save the report and load them from its text with “Load recommendations”.
      </Typography>
    </Stack>
  );
}

/**
 * Removes its row, said in words and always in view: react-admin's own is an icon shown only while
 * the mouse is over the row, out of reach of the keyboard.
 */
function RemoveRecommendationButton() {
  const { remove, index } = useSimpleFormIteratorItem();
  return (
    <Button label="Remove" color="warning" onClick={() => remove()} aria-label={`Remove recommendation ${index + 1}`}>
      <RemoveCircleOutlineIcon />
    </Button>
  );
}

/** A new report with all its recommendations, saved in one step. */
export default function ReportCreate() {
  const onError = useWriteErrors({ form: true });
  const { identity, isPending } = useGetIdentity();
  if (isPending) return null;
  // An inspector loads reports in their own inspectorate's name: it is chosen for them.
  const own = (identity as Identity | undefined)?.role === 'INSPECTOR' ? (identity as Identity).organisation?.id : undefined;
  return (
    <Create redirect="show" mutationOptions={{ onError }} title="New report">
      {/* The form every write uses: saved once however often Save is clicked, and the server's problems shown on it. */}
      {/* No blank recommendation to start with: a report saved without any loads them from its text afterwards (intake). */}
      <RecordForm defaultValues={{ kind: 'THEMATIC', recommendations: [], inspectorateId: own }}>
        <ReportFields />
        <ReferenceInput source="inspectorateId" reference="organisations" filter={inspectorates}>
          <AutocompleteInput label="Inspectorate" optionText="name" validate={required()} />
        </ReferenceInput>
        <ArrayInput source="recommendations" label="Recommendations, in the order printed">
          {/* No "clear the list" button: an unlabelled icon beside Add that removed every row. */}
          <SimpleFormIterator fullWidth disableClear disableReordering addButton={<AddRecommendationButton />} removeButton={<RemoveRecommendationButton />}
            sx={{ '& .RaSimpleFormIterator-line': { borderBottom: 1, borderColor: 'divider', py: 1 }, '& .RaSimpleFormIterator-action': { visibility: 'visible' } }}>
            <TextInput source="reference" label="Reference" helperText='As printed, e.g. "R3"' validate={required()} />
            <TextInput source="text" label="Recommendation" multiline minRows={2} validate={required()} fullWidth />
            <ReferenceInput source="ownerId" reference="organisations">
              {/* A refused save focuses the first missing field: its list of choices opening there covered the "Required" it was focused to show. A click or typing still opens it. */}
              <AutocompleteInput label="Owner" optionText="name" validate={required()} fullWidth openOnFocus={false} />
            </ReferenceInput>
            <ReferenceArrayInput source="addresseeIds" reference="organisations">
              <AutocompleteArrayInput label="Also addressed to" optionText="name" fullWidth />
            </ReferenceArrayInput>
            <ReferenceArrayInput source="themeIds" reference="themes" perPage={100}>
              <AutocompleteArrayInput label="Themes" optionText="name" fullWidth />
            </ReferenceArrayInput>
            <DayInput source="targetDate" label="Target date" />
            {/* Offered by its reference, year and words (what the search matches), newest report first: the report's long title left them alike. */}
            <ReferenceInput source="repeatsId" reference="recommendations" sort={{ field: 'report.publishedOn', order: 'DESC' }}>
              <AutocompleteInput label="Repeats (earlier recommendation)" optionText={(r) => `${recommendationName(r)} · ${excerpt(r.text, 160)}`} fullWidth />
            </ReferenceInput>
          </SimpleFormIterator>
        </ArrayInput>
      </RecordForm>
    </Create>
  );
}
