import { BooleanField, DateField, EditButton, EmailField, SelectField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { ActiveToggleButton } from '../common/ActiveToggleButton';
import { digestFrequencyChoices, roleChoices } from '../common/choices';
import { HistorySection } from '../common/HistorySection';
import { AfreshForEachRecord } from '../common/AfreshForEachRecord';

/** A person is deactivated, never removed: history names them as the author of their changes. */
function Actions() {
  return (
    <TopToolbar>
      <EditButton />
      <ActiveToggleButton
        what="User"
        deactivating="They can no longer sign in: their sessions end and their API tokens are revoked. Everything they did stays in history, and they can be reactivated."
        reactivating="They may sign in again. Their API tokens stay revoked: scripts need new ones."
      />
    </TopToolbar>
  );
}

export default function UserShow() {
  return (
    <Show actions={<Actions />}>
      <AfreshForEachRecord>
        <SimpleShowLayout>
          <TextField source="name" />
          <EmailField source="email" />
          <SelectField source="role" choices={roleChoices} />
          <TextField source="organisation.name" label="Organisation" emptyText="—" />
          <BooleanField source="active" label="May sign in" />
          <SelectField source="digestFrequency" label="Email reminders (their own choice)" choices={digestFrequencyChoices} />
          <DateField source="createdAt" label="Account made" />
          {/* The changes to the account: a page for administrators, who (with the person) may read them. */}
          <HistorySection target="userId" />
        </SimpleShowLayout>
      </AfreshForEachRecord>
    </Show>
  );
}
