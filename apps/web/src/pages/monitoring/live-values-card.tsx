import type { LiveMeasurement } from '@ecep/contract';
import { Card, Col, Empty, Row, Statistic, Tag, Typography } from 'antd';
import { formatTime } from '../../lib/format';
import { formatValue } from './format-value';
import { flagLabel } from './monitoring-labels';
import type { FactorNames } from './use-factors';

/** The record the card shows: the last stored or pushed one. */
export type LatestRecord = Pick<LiveMeasurement, 'cn' | 'dataTime' | 'values'> & { receivedAt?: string };

const PERIOD: Record<string, string> = {
  '2011': '实时值',
  '2051': '分钟均值',
  '2061': '小时均值',
  '2031': '日均值',
};

/** Flow and operating parameters first come after the pollutants, which are what is checked against limits. */
const order = (code: string) => (/^(a21|a34|a05|w01018|w21)/.test(code) ? 0 : 1);

export function LiveValuesCard({
  latest,
  factors,
  limits,
  extra,
}: {
  latest: LatestRecord | null;
  factors: FactorNames;
  limits: Record<string, number>;
  extra?: React.ReactNode;
}) {
  const period = latest ? (PERIOD[latest.cn] ?? `CN ${latest.cn}`) : '';
  const codes = latest
    ? Object.keys(latest.values).sort((a, b) => order(a) - order(b) || a.localeCompare(b))
    : [];
  return (
    <Card
      size="small"
      title={
        <span>
          实时数据
          {latest && (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13, marginLeft: 8 }}>
              {period}，数据时间 <span data-testid="live-data-time">{formatTime(latest.dataTime)}</span>
            </Typography.Text>
          )}
        </span>
      }
      extra={extra}
      data-testid="live-values"
    >
      {!latest ? (
        <Empty description="近 30 分钟没有数据，等待设备上报…" />
      ) : (
        <Row gutter={[12, 12]}>
          {codes.map((code) => {
            const v = latest.values[code] ?? {};
            const value = v.avg ?? v.rtd ?? null;
            const corrected = v.zsAvg ?? v.zsRtd ?? null;
            const limit = limits[code];
            const compared = corrected ?? value;
            const over = limit !== undefined && compared !== null && compared > limit;
            const unit = factors.unit(code);
            return (
              <Col key={code} xs={12} sm={8} md={6} xl={4}>
                <Card size="small" style={over ? { borderColor: '#f5222d' } : undefined}>
                  <Statistic
                    title={
                      <span>
                        {factors.name(code)} <span className="ecep-mono">{code}</span>
                      </span>
                    }
                    value={value === null ? '—' : value}
                    suffix={unit}
                    valueRender={(node) => <span data-testid={`live-value-${code}`}>{node}</span>}
                  />
                  <div style={{ fontSize: 12, minHeight: 40 }}>
                    {corrected !== null && (
                      <div>
                        折算：{formatValue(corrected)} {unit}
                      </div>
                    )}
                    {limit !== undefined && (
                      <div>
                        限值：{limit} {unit}
                        {over && (
                          <Tag color="red" style={{ marginLeft: 4 }}>
                            超限
                          </Tag>
                        )}
                      </div>
                    )}
                    <Tag color={v.flag && v.flag !== 'N' ? 'orange' : 'green'} style={{ marginTop: 2 }}>
                      {flagLabel(v.flag)}
                    </Tag>
                  </div>
                </Card>
              </Col>
            );
          })}
        </Row>
      )}
    </Card>
  );
}
