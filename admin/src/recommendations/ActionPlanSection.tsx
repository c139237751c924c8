import { recommendationName } from '../common/naming';
import AddIcon from '@mui/icons-material/Add';
import { Box, Button, Typography } from '@mui/material';
import { useState } from 'react';
import { Datagrid, DateField, FunctionField, NumberField, ReferenceManyField, TextField, useCanAccess, useGetIdentity, useRecordContext, type RaRecord } from 'react-admin';
import { ActionItemInputs } from '../actionItems/ActionItemInputs';
import { ActionItemRowActions } from '../actionItems/ActionItemRowActions';
import { actionStatusLabels } from '../common/choices';
import { actionStatusColours, EnumChip } from '../common/EnumChip';
import { CreateDialog } from '../common/FormDialogs';
import { fitTable, useListWidth } from '../common/listLayout';
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
      <CreateDialog resource="actionItems" defaults={{ recommendationId: record.id, ownerId, status: 'PLANNED' }} open={open} onClose={() => setOpen(false)} title={`Add an action to ${recommendationName(record)}`} saveLabel="Add action" done="Action added">
        <ActionItemInputs />
      </CreateDialog>
    </>
  );
}

/** The action plan, edited in place: each row opens its own dialog. */
export function ActionPlanSection() {
  // Below a laptop's width the owner and lead go under the description, so the description keeps a readable measure.
  const { narrow } = useListWidth();
  return (
    <Section title="Action plan" actions={<AddActionButton />}>
      <ReferenceManyField reference="actionItems" target="recommendationId" sort={{ field: 'dueDate', order: 'ASC' }} perPage={100}>
        <Datagrid bulkActionButtons={false} rowClick={false} empty={<p>No actions planned yet.</p>}
          // The owner and lead have widths of their own: left the rest, they were squeezed until words broke mid-word.
          sx={fitTable(narrow ? { dueDate: 96, status: 136, actions: 44 } : { description: '28%', 'owner\\.name': '15%', leadPerson: '15%', dueDate: 104, status: 128, evidenceCount: 96, actions: 84 })}>
          {narrow ? (
            <FunctionField source="description" label="Action" render={(item: RaRecord) => (
              <Box>
                <Typography variant="body2">{item.description}</Typography>
                <Typography variant="caption" color="text.secondary" component="p">
                  {[item.owner?.name, item.leadPerson, `${item.evidenceCount ?? 0} evidence`].filter(Boolean).join(' · ')}
                </Typography>
              </Box>
            )} />
          ) : <TextField source="description" />}
          {!narrow && <TextField source="owner.name" label="Owner" />}
          {!narrow && <TextField source="leadPerson" label="Lead" emptyText="—" />}
          <DateField source="dueDate" label="Due" emptyText="—" />
          <FunctionField source="status" label="Status" render={(item: RaRecord) => (
            <>
              <EnumChip source="status" labels={actionStatusLabels} colours={actionStatusColours} />
              {item.isOverdue && <strong style={{ color: '#b71c1c', marginLeft: 6, display: 'inline-block' }}>Overdue</strong>}
            </>
          )} />
          {!narrow && <NumberField source="evidenceCount" label="Evidence" />}
          <ActionItemRowActions source="actions" label="" />
        </Datagrid>
      </ReferenceManyField>
    </Section>
  );
}
