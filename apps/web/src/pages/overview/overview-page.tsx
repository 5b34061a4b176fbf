import { ReloadOutlined } from '@ant-design/icons';
import { ApiError, REPORT_STATUS_ZH, type ReportStatus } from '@ecep/contract';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  List,
  Progress,
  Result,
  Row,
  Select,
  Skeleton,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { errorText } from '../../api';
import { useAuth, useMe } from '../../auth/auth-context';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { type BarometerRow, getOverview, type Overview } from '../../lib/targets-api';
import { useReloadable } from '../../lib/use-reloadable';
import { BarometerView, LevelTag } from './barometer-view';
import { KpiCards } from './kpi-cards';
import { TrendPanel } from './trend-panel';

const THIS_YEAR = new Date().getFullYear();
/** Years offered in the selector: the demo and the plans reach back to 2010. */
const YEARS = Array.from({ length: THIS_YEAR - 2005 + 1 }, (_, i) => THIS_YEAR - i);

const INDICATOR_ZH: Record<string, string> = {
  energy_total_10k_tce: '能源消费总量',
  gdp_index: 'GDP 指数',
  so2_10k_t: 'SO₂',
  nox_10k_t: 'NOx',
  cod_10k_t: 'COD',
  nh3n_10k_t: '氨氮',
  solid_waste_generated_10k_t: '固废产生量',
  solid_waste_utilized_10k_t: '固废利用量',
};

function MoverList({ title, rows }: { title: string; rows: BarometerRow[] }) {
  return (
    <List
      size="small"
      header={<Typography.Text strong>{title}</Typography.Text>}
      dataSource={rows}
      locale={{ emptyText: '暂无数据' }}
      renderItem={(r) => (
        <List.Item extra={<LevelTag color={r.intensityColor} label={r.intensityLabelZh} />}>
          {r.regionName}{' '}
          <span className="ecep-mono">
            {Number(r.intensityChangePct) > 0 ? '+' : ''}
            {r.intensityChangePct}%
          </span>
        </List.Item>
      )}
    />
  );
}

/** 总览: targets, the city barometer, ten-year trend, data completeness and approved energy reports. */
export function OverviewPage() {
  const me = useMe();
  const { system } = useAuth();
  const [params, setParams] = useSearchParams();
  const yearParam = Number(params.get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= 1990 ? yearParam : undefined;
  const [data, setData] = useState<Overview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);

  const load = useCallback(
    async (isCurrent: () => boolean) => {
      if (me.role === 'public') return;
      setLoading(true);
      try {
        const o = await getOverview(year);
        if (!isCurrent()) return;
        setData(o);
        setError(null);
      } catch (err) {
        if (isCurrent()) setError(err);
      } finally {
        if (isCurrent()) setLoading(false);
      }
    },
    [year, me.role],
  );
  const reload = useReloadable(load);

  if (me.role === 'public' || (error instanceof ApiError && error.status === 403)) {
    return <Result status="403" title="无权查看总览" subTitle="总览面向政府部门与企业用户。" />;
  }

  const header = (
    <Card style={{ marginBottom: 16 }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 12 }}>
        <Space wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            总览 · {data?.province.name ?? me.regionName ?? ''}
          </Typography.Title>
          {system?.demo && <Tag color="gold">演示数据</Tag>}
          {me.role !== 'province_admin' && me.role !== 'auditor' && me.regionName && (
            <Typography.Text type="secondary">
              范围：{me.role === 'enterprise_user' ? '本企业' : me.regionName}
            </Typography.Text>
          )}
        </Space>
        <Space>
          <span>年度</span>
          <Select
            style={{ width: 120 }}
            value={data?.year ?? year}
            placeholder="最新年度"
            data-testid="overview-year"
            onChange={(y: number) => setParams(new URLSearchParams({ year: String(y) }))}
            options={YEARS.map((y) => ({ value: y, label: `${y} 年` }))}
          />
          <Button icon={<ReloadOutlined />} onClick={reload} loading={loading}>
            刷新
          </Button>
        </Space>
      </div>
    </Card>
  );

  if (error !== null && !data) {
    return (
      <>
        {header}
        <LoadErrorAlert what="总览" error={error} onRetry={reload} />
      </>
    );
  }
  if (!data) {
    return (
      <>
        {header}
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      </>
    );
  }

  const statusCounts = Object.entries(data.reports.byStatus);
  return (
    <>
      {header}
      {error !== null && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`刷新失败：${errorText(error)}`} />
      )}
      <Typography.Title level={5}>目标完成情况（截至 {data.year} 年）</Typography.Title>
      <KpiCards kpis={data.kpis} year={data.year} />

      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={16}>
          <Card
            title={`能耗双控晴雨表（${data.year} 年，各市能耗强度）`}
            extra={
              <Link to={`/targets/bulletin/${data.year}`}>
                <Button size="small">公报</Button>
              </Link>
            }
          >
            <BarometerView barometer={data.barometer} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title="重点用能单位报表（已批准）" data-testid="overview-reports">
              <Space size={32} wrap>
                <Statistic
                  title={`${data.year} 年报综合能耗（tce）`}
                  value={data.reports.approvedAnnualTce}
                  valueRender={() => (
                    <span data-testid="overview-approved-annual-tce">{data.reports.approvedAnnualTce}</span>
                  )}
                />
                <Statistic
                  title={`${data.year} 年月报合计（tce）`}
                  value={data.reports.approvedMonthlyTce}
                  valueRender={() => (
                    <span data-testid="overview-approved-monthly-tce">{data.reports.approvedMonthlyTce}</span>
                  )}
                />
              </Space>
              <div style={{ marginTop: 12 }}>
                {statusCounts.length === 0 ? (
                  <Typography.Text type="secondary">{data.year} 年尚无报表</Typography.Text>
                ) : (
                  <Space size={[4, 8]} wrap>
                    {statusCounts.map(([s, n]) => (
                      <Tag key={s}>
                        {REPORT_STATUS_ZH[s as ReportStatus] ?? s}：{n}
                      </Tag>
                    ))}
                    <Typography.Text type="secondary">共 {data.reports.total} 份</Typography.Text>
                  </Space>
                )}
              </div>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
                只计省级已批准的版本；审核中的报表只计入状态数。<Link to="/reports">前往填报与审核</Link>
              </Typography.Paragraph>
            </Card>
            <Card title="强度变化排名">
              <MoverList title="降幅最大" rows={data.topMovers.best} />
              <MoverList title="降幅最小或上升" rows={data.topMovers.worst} />
            </Card>
          </Space>
        </Col>
      </Row>

      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={16}>
          <TrendPanel trend={data.trend} regionName={data.province.name} />
        </Col>
        <Col xs={24} xl={8}>
          <Card title={`数据完整性（${data.year} 年，各市核心指标）`}>
            {data.completeness.expected === 0 ? (
              <Empty description="没有下级地区" />
            ) : (
              <>
                <Progress
                  type="dashboard"
                  percent={Number(data.completeness.ratePct ?? 0)}
                  format={() => `${data.completeness.ratePct ?? '—'}%`}
                />
                <Typography.Paragraph type="secondary">
                  已填报 {data.completeness.present} / 应填报 {data.completeness.expected} 项
                </Typography.Paragraph>
                {data.completeness.missingByRegion.length === 0 ? (
                  <Typography.Text type="success">各市核心指标齐全</Typography.Text>
                ) : (
                  <List
                    size="small"
                    dataSource={data.completeness.missingByRegion}
                    renderItem={(m) => (
                      <List.Item>
                        <span>
                          <strong>{m.regionName}</strong> 缺：
                          {m.missing.map((i) => INDICATOR_ZH[i] ?? i).join('、')}
                        </span>
                      </List.Item>
                    )}
                  />
                )}
              </>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
