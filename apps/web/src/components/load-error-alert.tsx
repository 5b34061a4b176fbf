import { Alert, Button } from 'antd';
import type { CSSProperties } from 'react';
import { errorText } from '../api';

export interface LoadErrorAlertProps {
  /** What failed to load, as the title starts: `台账` → 「台账加载失败：…」. */
  what: string;
  error: unknown;
  onRetry: () => void;
  style?: CSSProperties;
}

/** A load that failed: what, why, and a 重试 button. */
export function LoadErrorAlert({ what, error, onRetry, style }: LoadErrorAlertProps) {
  return (
    <Alert
      type="error"
      showIcon
      style={style}
      title={`${what}加载失败：${errorText(error)}`}
      action={
        <Button size="small" onClick={onRetry}>
          重试
        </Button>
      }
    />
  );
}
