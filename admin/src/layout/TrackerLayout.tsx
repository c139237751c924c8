import { useMediaQuery, type Theme } from '@mui/material';
import { useEffect, type ReactNode } from 'react';
import { AppBar, Layout, TitlePortal, useSidebarState } from 'react-admin';
import { DemoNotice } from './DemoNotice';
import { TrackerMenu } from './TrackerMenu';

function TrackerAppBar() {
  return (
    <AppBar>
      <TitlePortal />
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

export function TrackerLayout({ children }: { children: ReactNode }) {
  return (
    <Layout appBar={TrackerAppBar} menu={TrackerMenu}>
      <FoldMenuOnTablets />
      <DemoNotice />
      {children}
    </Layout>
  );
}
