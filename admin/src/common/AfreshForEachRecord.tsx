import { Fragment, type ReactNode } from 'react';
import { useRecordContext } from 'react-admin';

/**
 * Its children mounted afresh for each record the page shows. React-admin's lists of related
 * records keep the rows they had while the next ones load (right for the next page of the same
 * list), so moving from one recommendation to another showed the first one's action plan, with
 * its buttons live, under the second one's heading until the new rows came.
 */
export function AfreshForEachRecord({ children }: { children: ReactNode }) {
  const record = useRecordContext();
  return <Fragment key={record?.id ?? ''}>{children}</Fragment>;
}
