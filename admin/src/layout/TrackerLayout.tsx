import type { ReactNode } from 'react';
import { AppBar, Layout, TitlePortal } from 'react-admin';
import { DemoNotice } from './DemoNotice';
import { TrackerMenu } from './TrackerMenu';

function TrackerAppBar() {
  return (
    <AppBar>
      <TitlePortal />
    </AppBar>
  );
}

export function TrackerLayout({ children }: { children: ReactNode }) {
  return (
    <Layout appBar={TrackerAppBar} menu={TrackerMenu}>
      <DemoNotice />
      {children}
    </Layout>
  );
}
