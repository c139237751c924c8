import { ArrayInput, AutocompleteInput, ReferenceInput, SelectInput, SimpleFormIterator, TextInput, required, useRecordContext, type RaRecord } from 'react-admin';
import { organisationKindChoices } from '../common/choices';

/** The organisation itself, or one anywhere under it. */
const isWithin = (option: RaRecord, organisationId: RaRecord['id']) =>
  option.id === organisationId || ((option.ancestorIds ?? []) as RaRecord['id'][]).includes(organisationId);

export function OrganisationInputs() {
  const record = useRecordContext();
  return (
    <>
      <TextInput source="name" label="Full name" validate={required()} fullWidth />
      <TextInput source="shortName" label="Abbreviation" />
      {/* Earlier reports address a renamed body by its old name: these match them to it. */}
      <ArrayInput source="formerNames" label="Former names (oldest first)" defaultValue={[]}>
        <SimpleFormIterator inline disableReordering>
          <TextInput source="" label="Former name" validate={required()} helperText={false} sx={{ minWidth: 320 }} />
        </SimpleFormIterator>
      </ArrayInput>
      <SelectInput source="kind" choices={organisationKindChoices} validate={required()} />
      <ReferenceInput source="parentId" reference="organisations" sort={{ field: 'depth', order: 'ASC' }}>
        {/* An organisation cannot belong to itself, nor to one under it (a cycle the server refuses): neither is offered. */}
        <AutocompleteInput label="Belongs to" optionText="name" fullWidth getOptionDisabled={(option: RaRecord) => record !== undefined && isWithin(option, record.id)} />
      </ReferenceInput>
    </>
  );
}
