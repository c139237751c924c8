import { Datagrid, DateField, ReferenceManyField, SelectField, TextField, UrlField } from 'react-admin';
import { strengthChoices, verificationLabels } from '../common/choices';
import { EnumChip, verificationColours } from '../common/EnumChip';
import { Section } from '../common/Section';
import { VerifyButtons } from '../evidence/VerifyButtons';

/** Evidence submitted for the plan, and what inspectors made of it. */
export function EvidenceSection() {
  return (
    <Section title="Evidence and verification">
      <ReferenceManyField reference="evidence" target="recommendationId" sort={{ field: 'submittedAt', order: 'DESC' }} perPage={100}>
        <Datagrid bulkActionButtons={false} rowClick={false} empty={<p>No evidence submitted yet.</p>}>
          <TextField source="summary" />
          <TextField source="actionItem.description" label="For action" />
          <SelectField source="strength" choices={strengthChoices} />
          <UrlField source="url" label="Link" target="_blank" rel="noreferrer" emptyText="—" />
          <TextField source="submittedBy.name" label="Submitted by" />
          <DateField source="submittedAt" label="Submitted" />
          <EnumChip source="verification" labels={verificationLabels} colours={verificationColours} label="Verification" />
          <TextField source="verificationNote" label="Inspector's note" emptyText="—" />
          <VerifyButtons />
        </Datagrid>
      </ReferenceManyField>
    </Section>
  );
}
