import { ApiError } from '@ecep/contract';
import { Button, Card, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { errorText } from '../api';

export interface DetailPlaceholderProps {
  /** The page's breadcrumb, shown above either state. */
  crumbs: ReactNode;
  /** Why the record could not be loaded; null (or undefined) while it is still loading. */
  error: unknown;
  /** HTTP statuses that mean the record is not there (for this user): the page says `notFoundTitle`. */
  notFoundStatuses: readonly number[];
  notFoundTitle: string;
  failedTitle: string;
  /** The list to go back to, and its button's text. */
  backTo: string;
  backText: string;
}

/** What a detail page shows in place of its record: why it failed to load (with a way back), or a skeleton. */
export function DetailPlaceholder({
  crumbs,
  error,
  notFoundStatuses,
  notFoundTitle,
  failedTitle,
  backTo,
  backText,
}: DetailPlaceholderProps) {
  if (error) {
    const notFound = error instanceof ApiError && notFoundStatuses.includes(error.status);
    return (
      <>
        {crumbs}
        <Card>
          <Result
            status={notFound ? '404' : 'error'}
            title={notFound ? notFoundTitle : failedTitle}
            subTitle={errorText(error)}
            extra={
              <Link to={backTo}>
                <Button type="primary">{backText}</Button>
              </Link>
            }
          />
        </Card>
      </>
    );
  }
  return (
    <>
      {crumbs}
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    </>
  );
}
