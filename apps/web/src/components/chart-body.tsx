import { Alert, Empty, Spin } from 'antd';
import type { ReactNode } from 'react';
import { errorText } from '../api';

export interface ChartBodyProps {
  /** The load error, if the last load failed: shown as 「<what>加载失败：<reason>」. */
  error: unknown;
  what: string;
  /** Nothing to show yet (the first load is running). */
  loading: boolean;
  /** Loaded, but there is nothing to draw. */
  empty: boolean;
  emptyText?: ReactNode;
  /** Space above and below the spinner, px. */
  spinMargin?: number;
  /** The chart, drawn once there is data. */
  children: ReactNode;
}

/** The chart side of a ChartPanel: the error, a spinner on the first load, an empty state, or the chart. */
export function ChartBody({
  error,
  what,
  loading,
  empty,
  emptyText,
  spinMargin = 80,
  children,
}: ChartBodyProps) {
  if (error) return <Alert type="error" showIcon title={`${what}加载失败：${errorText(error)}`} />;
  if (loading) return <Spin style={{ display: 'block', margin: `${spinMargin}px auto` }} />;
  if (empty) return <Empty description={emptyText} />;
  return <>{children}</>;
}
