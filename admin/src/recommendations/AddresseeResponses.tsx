import { recommendationName } from '../common/naming';
import RateReviewIcon from '@mui/icons-material/RateReview';
import { Box, Button, Chip, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Labeled, RadioButtonGroupInput, TextInput, required, useRecordContext } from 'react-admin';
import { label, responseChoices, responseLabels, responseTimelinessLabels } from '../common/choices';
import { readableDay } from '../common/dates';
import { DayInput } from '../common/DayInput';
import { EditDialog } from '../common/FormDialogs';

type Addressee = {
  organisation: { id: string; name: string };
  response: string;
  responseNote?: string | null;
  respondedAt?: string | null;
  responseTimeliness?: string;
  viewerCanRespond?: boolean;
};

/** Only what needs chasing or was late is flagged; on time and not yet due say nothing more. */
const timelinessColours: Record<string, 'error' | 'warning'> = { MISSING: 'error', LATE: 'warning' };

const responseColours: Record<string, 'default' | 'success' | 'warning' | 'error'> = {
  AWAITING_RESPONSE: 'default',
  ACCEPTED: 'success',
  PARTLY_ACCEPTED: 'warning',
  NOT_ACCEPTED: 'error',
};

const today = () => new Date().toISOString().slice(0, 10);

/**
 * One addressee's response, recorded (or corrected, or put back to awaiting) by its own leaders,
 * inspectors and administrators, as the server's `viewerCanRespond` says; history keeps each.
 */
function RespondButton({ addressee }: { addressee: Addressee }) {
  const record = useRecordContext();
  const [open, setOpen] = useState(false);
  if (!record || !addressee.viewerCanRespond) return null;
  const name = addressee.organisation.name;
  const awaiting = addressee.response === 'AWAITING_RESPONSE';
  return (
    <>
      <Button size="small" variant="outlined" startIcon={<RateReviewIcon />} onClick={() => setOpen(true)} aria-label={`${awaiting ? 'Record response' : 'Change response'} of ${name}`}>
        {awaiting ? 'Record response' : 'Change response'}
      </Button>
      <EditDialog
        resource="recommendations" id={record.id} operation="response" open={open} onClose={() => setOpen(false)}
        title={`Response of ${name} to ${recommendationName(record)}`} saveLabel="Save response" done="Response saved"
        transform={(data) => ({ ...data, organisationId: addressee.organisation.id })}
      >
        <RadioButtonGroupInput source="response" label="Response" choices={responseChoices} validate={required()} defaultValue={addressee.response} />
        <TextInput source="note" label="What the response says (kept in history)" multiline minRows={3} fullWidth defaultValue={addressee.responseNote ?? ''} />
        <DayInput source="respondedOn" label="Responded on" defaultValue={addressee.respondedAt?.slice(0, 10) ?? today()} />
      </EditDialog>
    </>
  );
}

/** Each organisation the recommendation is addressed to, with its response, when and what it said. */
export function AddresseeResponses() {
  const record = useRecordContext();
  // The owner first, as it was given ("the first owns it"), then the others by name.
  const ownerId = record?.owner?.id;
  const addressees = [...((record?.addressees as Addressee[] | undefined) ?? [])].sort((a, b) =>
    Number(b.organisation.id === ownerId) - Number(a.organisation.id === ownerId) || a.organisation.name.localeCompare(b.organisation.name));
  return (
    <Labeled label="Addressed to, and their responses">
      <Box component="ul" aria-label="Responses of the addressees" sx={{ m: 0, p: 0, listStyle: 'none', display: 'grid', gap: 1 }}>
        {addressees.map((a) => (
          <Box component="li" key={a.organisation.id} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}>
            <Stack spacing={0.5} sx={{ flex: '1 1 320px', minWidth: 0 }}>
              <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap">
                <Typography variant="body2" component="span" sx={{ fontWeight: 600 }}>{a.organisation.name}</Typography>
                {a.organisation.id === ownerId && <Typography variant="caption" color="text.secondary">owner</Typography>}
                <Chip size="small" color={responseColours[a.response] ?? 'default'} variant={a.response === 'AWAITING_RESPONSE' ? 'outlined' : 'filled'} label={label(responseLabels, a.response)} />
                {a.respondedAt && <Typography variant="caption" color="text.secondary">on {readableDay(a.respondedAt)}</Typography>}
                {a.responseTimeliness && timelinessColours[a.responseTimeliness] && (
                  <Chip size="small" variant="outlined" color={timelinessColours[a.responseTimeliness]} label={label(responseTimelinessLabels, a.responseTimeliness)} />
                )}
              </Stack>
              {a.responseNote && <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-line' }}>{a.responseNote}</Typography>}
            </Stack>
            <RespondButton addressee={a} />
          </Box>
        ))}
      </Box>
    </Labeled>
  );
}
