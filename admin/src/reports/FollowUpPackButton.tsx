import PackIcon from '@mui/icons-material/FactCheck';
import { Button, Link, useRecordContext } from 'react-admin';

/** Opens the report's follow-up pack: every recommendation with its lineage, plan, evidence and verdicts, to print or download. */
export function FollowUpPackButton() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Button label="Follow-up pack" component={Link} to={`/reports/${encodeURIComponent(String(record.id))}/follow-up-pack`}>
      <PackIcon />
    </Button>
  );
}
