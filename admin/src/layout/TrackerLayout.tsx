import { useMediaQuery, type Theme } from '@mui/material';
import { useEffect, type ReactNode } from 'react';
import { useLocation, useNavigationType } from 'react-router-dom';
import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import { AppBar, Layout, Logout, MenuItemLink, TitlePortal, UserMenu, useGetIdentity, useSidebarState, useUserMenu } from 'react-admin';
import { MentionsButton } from '../discussion/MentionsButton';
import { DemoNotice } from './DemoNotice';
import { TrackerMenu } from './TrackerMenu';

/** Everyone's own page (account/AccountPage.tsx), beside signing out. */
function AccountMenuItem() {
  const menu = useUserMenu();
  return <MenuItemLink to="/account" primaryText="Your account" leftIcon={<AccountCircleIcon />} onClick={menu?.onClose} />;
}

/** Named by the person it shows, then what it is: voice control users say the name they see on the button. */
function TrackerUserMenu() {
  const { identity } = useGetIdentity();
  return (
    <UserMenu label={identity?.fullName ? `${identity.fullName}, account menu` : 'Account menu'}>
      <AccountMenuItem />
      <Logout />
    </UserMenu>
  );
}

function TrackerAppBar() {
  return (
    <AppBar userMenu={<TrackerUserMenu />}>
      {/*
        Allowed to shrink below its text's width (a flex item will not by default), so a long title ends
        in an ellipsis instead of running under the buttons; the title comes in a wrapper of its own
        (drawn as one inline block, which an ellipsis cannot cut), so the wrapper is what is cut.
      */}
      <TitlePortal sx={{ minWidth: 0, '& > span': { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } }} />
      <MentionsButton />
    </AppBar>
  );
}

/** On a tablet the menu starts folded to its icons, so lists get the width (the menu button opens it). */
function FoldMenuOnTablets() {
  const tablet = useMediaQuery((theme: Theme) => theme.breakpoints.between('sm', 'lg'));
  const [, setOpen] = useSidebarState();
  useEffect(() => {
    if (tablet) setOpen(false);
  }, [tablet, setOpen]);
  return null;
}

/**
 * A newly opened page starts at its top, whichever way it was opened (a link, a row, a button);
 * going back keeps where the reader was. Filters and sorting (the query) do not count as a new page.
 */
function StartNewPagesAtTop() {
  const { pathname } = useLocation();
  const navigation = useNavigationType();
  useEffect(() => {
    if (navigation !== 'POP') window.scrollTo(0, 0);
  }, [pathname, navigation]);
  return null;
}

export function TrackerLayout({ children }: { children: ReactNode }) {
  return (
    // Below the md width a list's "create" button floats at the bottom right: room below the last row keeps it uncovered.
    <Layout appBar={TrackerAppBar} menu={TrackerMenu} sx={{ '& .RaLayout-content': { pb: { xs: 11, md: 2 } } }}>
      <FoldMenuOnTablets />
      <StartNewPagesAtTop />
      <DemoNotice />
      {children}
    </Layout>
  );
}
