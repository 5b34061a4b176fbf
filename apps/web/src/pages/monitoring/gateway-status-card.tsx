import type { GatewayStatus } from '@ecep/contract';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { useReloadable } from '../../lib/use-reloadable';
import { monitoringApi } from './monitoring-api';

const REFRESH_MS = 10_000;

const ITEMS: Array<{ key: keyof GatewayStatus; title: string; warnAbove?: number }> = [
  { key: 'connectionsOpen', title: '在线连接' },
  { key: 'acked', title: '已应答报文' },
  { key: 'rejected', title: '拒收报文', warnAbove: 0 },
  { key: 'quarantined', title: '隔离报文', warnAbove: 0 },
  { key: 'inPipeline', title: '待入库' },
  { key: 'pausedConnections', title: '限流暂停连接', warnAbove: 0 },
  { key: 'failedBatches', title: '写库失败批次', warnAbove: 0 },
];

/** HJ 212 网关运行状态 for province-level operators: counters since the gateway started, refreshed every 10 s. */
export function GatewayStatusCard() {
  const [status, setStatus] = useState<GatewayStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async (isCurrent: () => boolean) => {
    try {
      const next = await monitoringApi.gateway();
      if (isCurrent()) {
        setStatus(next);
        setError(null);
      }
    } catch (err) {
      if (isCurrent()) setError(err);
    }
  }, []);
  const reload = useReloadable(load, REFRESH_MS);

  return (
    <Card size="small" title="HJ 212 网关运行状态（自启动以来）" data-testid="gateway-status">
      {error ? <LoadErrorAlert what="网关状态" error={error} onRetry={reload} /> : null}
      {status && !status.running ? (
        <Typography.Text type="secondary">本服务进程未运行 HJ 212 网关。</Typography.Text>
      ) : null}
      {status?.running ? (
        <Row gutter={[16, 8]}>
          {ITEMS.map(({ key, title, warnAbove }) => {
            const value = Number(status[key] ?? 0);
            const warn = warnAbove !== undefined && value > warnAbove;
            return (
              <Col key={key} xs={12} md={6} lg={3}>
                <Statistic
                  title={title}
                  value={value}
                  styles={{ content: { fontSize: 18, color: warn ? '#d46b08' : undefined } }}
                />
              </Col>
            );
          })}
        </Row>
      ) : null}
    </Card>
  );
}
