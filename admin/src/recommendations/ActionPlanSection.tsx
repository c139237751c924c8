import AddIcon from '@mui/icons-material/Add';
import { Button } from '@mui/material';
import { useState } from 'react';
import { Datagrid, DateField, FunctionField, NumberField, ReferenceManyField, TextField, useCanAccess, useGetIdentity, useRecordContext } from 'react-admin';
import { ActionItemInputs } from '../actionItems/ActionItemInputs';
import { ActionItemRowActions } from '../actionItems/ActionItemRowActions';
import { actionStatusLabels } from '../common/choices';
import { actionStatusColours, EnumChip } from '../common/EnumChip';
import { CreateDialog } from '../common/FormDialogs';
import { Section } from '../common/Section';

function AddActionButton() {
  const record = useRecordContext();
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({ action: 'plan', resource: 'recommendations', record });
  const { identity } = useGetIdentity();
  if (!record || !canAccess) return null;
  // A leader gives actions to their own organisation (or one under it), whoever owns the recommendation.
  const ownerId = identity?.role === 'LEADER' && identity.organisation ? identity.organisation.id : record.ownerId;
  return (
    <>
      <Button startIcon={<AddIcon />} size="small" variant="outlined" onClick={() => setOpen(true)}>Add action</Button>
      <CreateDialog resource="actionItems" defaults={{ recommendationId: record.id, ownerId, status: 'PLANNED' }} open={open} onClose={() => setOpen(false)} title={`Add an action to ${record.reference}`} saveLabel="Add action" done="Action added">
        <ActionItemInputs />
      </CreateDialog>
    </>
  );
}

/** The action plan, edited in place: each row opens its own dialog. */
export function ActionPlanSection() {
  return (
    <Section title="Action plan" actions={<AddActionButton />}>
      <ReferenceManyField reference="actionItems" target="recommendationId" sort={{ field: 'dueDate', order: 'ASC' }} perPage={100}>
        <Datagrid bulkActionButtons={false} rowClick={false} empty={<p>No actions planned yet.</p>}>
          <TextField source="description" />
          <TextField source="owner.name" label="Owner" />
          <TextField source="leadPerson" label="Lead" emptyText="—" />
          <DateField source="dueDate" label="Due" emptyText="—" />
          <FunctionField label="Status" render={(item) => (
            <>
              <EnumChip source="status" labels={actionStatusLabels} colours={actionStatusColours} />
              {item.isOverdue && <strong style={{ color: '#b71c1c', marginLeft: 6 }}>Overdue</strong>}
            </>
          )} />
          <NumberField source="evidenceCount" label="Evidence" />
          <ActionItemRowActions />
        </Datagrid>
      </ReferenceManyField>
    </Section>
  );
}
