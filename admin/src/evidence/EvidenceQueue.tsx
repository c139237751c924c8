import { Datagrid, DateField, List, ReferenceField, SearchInput, SelectArrayInput, SelectField, TextField, UrlField } from 'react-admin';
import { strengthChoices, verificationChoices, verificationLabels } from '../common/choices';
import { EnumChip, verificationColours } from '../common/EnumChip';
import { VerifyButtons } from './VerifyButtons';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search summaries" />,
  <SelectArrayInput key="verifications" source="verifications" label="Verification" choices={verificationChoices} alwaysOn />,
  <SelectArrayInput key="strengths" source="strengths" label="Strength" choices={strengthChoices} />,
];

/** The inspectors' queue: unverified evidence, oldest first. */
export default function EvidenceQueue() {
  return (
    <List filters={filters} filterDefaultValues={{ verifications: ['UNVERIFIED'] }} sort={{ field: 'submittedAt', order: 'ASC' }} title="Evidence queue">
      <Datagrid rowClick={false} bulkActionButtons={false}>
        <TextField source="summary" />
        <ReferenceField source="actionItem.recommendation.id" reference="recommendations" label="Recommendation" link="show" sortable={false} />
        <TextField source="actionItem.description" label="Action" sortable={false} />
        <TextField source="actionItem.owner.name" label="Owner" sortable={false} />
        <SelectField source="strength" choices={strengthChoices} />
        <UrlField source="url" label="Link" target="_blank" rel="noreferrer" emptyText="—" sortable={false} />
        <TextField source="submittedBy.name" label="Submitted by" sortable={false} />
        <DateField source="submittedAt" label="Submitted" />
        <EnumChip source="verification" labels={verificationLabels} colours={verificationColours} label="Verification" sortBy="verification" />
        <VerifyButtons label="" />
      </Datagrid>
    </List>
  );
}
