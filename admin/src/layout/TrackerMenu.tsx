import ApiIcon from '@mui/icons-material/Api';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import KeyIcon from '@mui/icons-material/Key';
import ChecklistIcon from '@mui/icons-material/Checklist';
import { Menu, useCanAccess } from 'react-admin';

/** The resources a person may use, then the inspector's queue and the administration pages. */
export function TrackerMenu() {
  const { canAccess: canVerify } = useCanAccess({ action: 'verify', resource: 'evidence' });
  return (
    <Menu>
      <Menu.DashboardItem />
      <Menu.Item to="/my-work" primaryText="My work" leftIcon={<ChecklistIcon />} />
      <Menu.ResourceItem name="reports" />
      <Menu.ResourceItem name="recommendations" />
      <Menu.ResourceItem name="actionItems" />
      {canVerify && <Menu.Item to="/evidence" primaryText="Evidence queue" leftIcon={<FactCheckIcon />} />}
      <Menu.ResourceItem name="organisations" />
      <Menu.ResourceItem name="themes" />
      <Menu.ResourceItem name="users" />
      <Menu.Item to="/api-tokens" primaryText="API tokens" leftIcon={<KeyIcon />} />
      <Menu.Item to="/explorer" primaryText="API explorer" leftIcon={<ApiIcon />} />
    </Menu>
  );
}
