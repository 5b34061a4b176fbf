import { Badge, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { LiveStream } from './use-live-stream';

const TEXT = {
  connecting: { text: '连接中…', status: 'default' },
  live: { text: '实时', status: 'processing' },
  reconnecting: { text: '重新连接中…', status: 'warning' },
  closed: { text: '实时推送已断开', status: 'error' },
} as const;

/** The “实时” badge: whether pushed values arrive, and when the last one did. */
export function LiveIndicator({ stream }: { stream: LiveStream }) {
  const t = TEXT[stream.state];
  return (
    <Space size={8}>
      <Badge status={t.status} text={<span data-testid="live-indicator">{t.text}</span>} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        最近推送：
        <span data-testid="live-updated-at">
          {stream.lastEventAt ? dayjs(stream.lastEventAt).format('HH:mm:ss') : '尚未收到'}
        </span>
      </Typography.Text>
    </Space>
  );
}
