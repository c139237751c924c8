import { AutocompleteInput, ReferenceInput, SelectInput, TextInput, required, useRecordContext } from 'react-admin';
import { DayInput } from '../common/DayInput';
import { actionStatusChoices } from '../common/choices';

/** Owners the person may give an action to, as the server decides it (and none that is inactive). */
export const assignableOwners = { viewerMay: 'MANAGE_ACTION_ITEM', active: true };

const statusesBeforeCompletion = actionStatusChoices.filter((choice) => choice.id !== 'COMPLETED');

/**
 * One line of an action plan; completion goes through its own button, which records the date. Shown
 * `disabled` to someone who may read the action but not change it: only its values, none to send.
 */
export function ActionItemInputs({ editing = false, disabled = false }: { editing?: boolean; disabled?: boolean }) {
  const record = useRecordContext();
  return (
    <>
      <TextInput source="description" label="What will be done" multiline minRows={2} validate={required()} fullWidth disabled={disabled} />
      {disabled ? (
        // Read only, the owner is a name: the choices are the owners the person may assign, which this one may not be.
        <TextInput source="owner.name" label="Owning organisation" fullWidth disabled />
      ) : (
        <ReferenceInput source="ownerId" reference="organisations" filter={assignableOwners}>
          <AutocompleteInput label="Owning organisation" optionText="name" validate={required()} fullWidth />
        </ReferenceInput>
      )}
      <TextInput source="leadPerson" label="Lead person" fullWidth disabled={disabled} />
      <DayInput source="dueDate" label="Due date" disabled={disabled} />
      {editing && !disabled && <TextInput source="dueDateReason" label="Why the due date moves (needed when it changes)" fullWidth />}
      {/* A completed action shows its status; completing one is the Complete button's, which records the date. */}
      <SelectInput source="status" choices={record?.status === 'COMPLETED' || disabled ? actionStatusChoices : statusesBeforeCompletion} validate={required()} disabled={disabled} />
      {editing && !disabled && <TextInput source="comment" label="Note on the change (kept in history)" fullWidth />}
    </>
  );
}
