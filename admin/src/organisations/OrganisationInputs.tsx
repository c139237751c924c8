import { AutocompleteInput, ReferenceInput, SelectInput, TextInput, required } from 'react-admin';
import { organisationKindChoices } from '../common/choices';

export function OrganisationInputs() {
  return (
    <>
      <TextInput source="name" label="Full name" validate={required()} fullWidth />
      <TextInput source="shortName" label="Abbreviation" />
      <SelectInput source="kind" choices={organisationKindChoices} validate={required()} />
      <ReferenceInput source="parentId" reference="organisations" sort={{ field: 'depth', order: 'ASC' }}>
        <AutocompleteInput label="Belongs to" optionText="name" fullWidth />
      </ReferenceInput>
    </>
  );
}
