import { recommendationName } from '../common/naming';
import GavelIcon from '@mui/icons-material/Gavel';
import { Button } from '@mui/material';
import { useState } from 'react';
import {
  AutocompleteInput, Datagrid, DateField, RadioButtonGroupInput, ReferenceField, ReferenceInput, ReferenceManyField, TextField,
  TextInput, required, useCanAccess, useRecordContext,
} from 'react-admin';
import { DayInput } from '../common/DayInput';
import { verdictChoices, verdictLabels } from '../common/choices';
import { EnumChip, verdictColours } from '../common/EnumChip';
import { CreateDialog } from '../common/FormDialogs';
import { Section } from '../common/Section';

function RecordAssessmentButton() {
  const record = useRecordContext();
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({ action: 'assess', resource: 'recommendations', record });
  if (!record || !canAccess) return null;
  return (
    <>
      <Button startIcon={<GavelIcon />} size="small" variant="outlined" onClick={() => setOpen(true)}>Record assessment</Button>
      <CreateDialog resource="assessments" defaults={{ recommendationId: record.id }} open={open} onClose={() => setOpen(false)} title={`Inspectors' assessment of ${recommendationName(record)}`} saveLabel="Record assessment" done="Assessment recorded">
        <RadioButtonGroupInput source="verdict" choices={verdictChoices} validate={required()} />
        <TextInput source="commentary" label="What inspectors found" multiline minRows={3} validate={required()} fullWidth />
        <DayInput source="assessedOn" label="Assessed on (today when empty)" />
        <ReferenceInput source="reportId" reference="reports">
          <AutocompleteInput label="Published in report (optional)" optionText="title" fullWidth />
        </ReferenceInput>
      </CreateDialog>
    </>
  );
}

/** Inspectors' independent verdicts, latest first: the latest is the one that counts. */
export function AssessmentsSection() {
  return (
    <Section title="Inspectors' assessments" actions={<RecordAssessmentButton />}>
      <ReferenceManyField reference="assessments" target="recommendationId" perPage={50}>
        <Datagrid bulkActionButtons={false} rowClick={false} empty={<p>Not assessed by inspectors yet.</p>}>
          <EnumChip source="verdict" labels={verdictLabels} colours={verdictColours} label="Verdict" />
          <DateField source="assessedOn" label="Assessed" />
          <TextField source="commentary" />
          <TextField source="inspector.name" label="Inspector" />
          <ReferenceField source="report.id" reference="reports" label="Report" link="show" emptyText="—" />
        </Datagrid>
      </ReferenceManyField>
    </Section>
  );
}
