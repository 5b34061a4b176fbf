import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { ApiError, REPORT_STATUS_ZH, REPORT_STATUSES, type ReportListQuery } from '@ecep/contract';
import { Button, Card, Input, Result, Select, Space, Tabs, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useMe } from '../../auth/auth-context';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { useApiData } from '../../lib/use-api-data';
import { isReviewer, listReports } from './report-api';
import { ReportTable } from './report-table';

type Tab = 'queue' | 'all';

const positiveInt = (s: string | null, fallback: number) => {
  const n = Number(s);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/** 填报与审核: an enterprise sees its own reports; reviewers see their queue and every report in scope. */
export function ReportsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const reviewer = isReviewer(me.role);
  const enterprise = me.role === 'enterprise_user';
  const tab: Tab = reviewer && params.get('tab') !== 'all' ? 'queue' : 'all';
  const status = params.get('status') ?? undefined;
  const periodType = (params.get('type') as 'month' | 'year' | null) ?? undefined;
  const period = params.get('period') ?? '';
  const page = positiveInt(params.get('page'), 1);
  const pageSize = Math.min(positiveInt(params.get('size'), 20), 500);

  const update = useCallback(
    (patch: Record<string, string | undefined>) => {
      const next = new URLSearchParams(params);
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      if (!('page' in patch)) next.delete('page');
      setParams(next);
    },
    [params, setParams],
  );

  const query = useMemo<ReportListQuery>(
    () => ({
      ...(tab === 'queue' ? { awaitingMe: true } : {}),
      ...(tab === 'all' && status ? { status } : {}),
      ...(periodType ? { periodType } : {}),
      ...(period ? { period } : {}),
      page,
      pageSize,
    }),
    [tab, status, periodType, period, page, pageSize],
  );

  const fetcher = useCallback(() => listReports(query), [query]);
  const { data, loading, error, reload } = useApiData(me.role === 'public' ? null : fetcher);

  if (me.role === 'public' || (error instanceof ApiError && error.status === 403)) {
    return <Result status="403" title="无权查看能源利用状况报表" subTitle="请使用企业或管理部门账号登录。" />;
  }

  const filters = (
    <Space wrap style={{ marginBottom: 16 }}>
      {tab === 'all' && (
        <Select
          allowClear
          placeholder="状态"
          style={{ width: 200 }}
          value={status}
          onChange={(v?: string) => update({ status: v })}
          options={REPORT_STATUSES.map((s) => ({ value: s, label: REPORT_STATUS_ZH[s] }))}
        />
      )}
      <Select
        allowClear
        placeholder="类型"
        style={{ width: 110 }}
        value={periodType}
        onChange={(v?: string) => update({ type: v })}
        options={[
          { value: 'year', label: '年报' },
          { value: 'month', label: '月报' },
        ]}
      />
      <Input.Search
        allowClear
        placeholder="报告期 YYYY 或 YYYY-MM"
        style={{ width: 220 }}
        defaultValue={period}
        onSearch={(v) => update({ period: v.trim() || undefined })}
      />
      <Button icon={<ReloadOutlined />} onClick={reload}>
        刷新
      </Button>
    </Space>
  );

  const table = (testId: string) => (
    <ReportTable
      testId={testId}
      items={data?.items ?? []}
      total={data?.total ?? 0}
      page={page}
      pageSize={pageSize}
      loading={loading}
      showEnterprise={!enterprise}
      onPage={(p, s) =>
        update({ page: p > 1 ? String(p) : undefined, size: s !== 20 ? String(s) : undefined })
      }
      onOpen={(r) => navigate(`/reports/${r.id}`)}
    />
  );

  const scope = enterprise ? '本企业' : (me.regionName ?? '全国');
  return (
    <Card
      title={
        <Space>
          {enterprise ? '我的报表' : '能源利用状况报表'}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
            范围：{scope}
          </Typography.Text>
        </Space>
      }
      extra={
        enterprise && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => navigate('/reports/new')}
            data-testid="report-new"
          >
            新建报表
          </Button>
        )
      }
    >
      {error !== null && (
        <LoadErrorAlert what="报表列表" error={error} onRetry={reload} style={{ marginBottom: 16 }} />
      )}
      {reviewer ? (
        <Tabs
          activeKey={tab}
          onChange={(k) => update({ tab: k === 'all' ? 'all' : undefined, status: undefined })}
          items={[
            {
              key: 'queue',
              label: '待我审核',
              children: (
                <>
                  {filters}
                  {table('report-queue')}
                </>
              ),
            },
            {
              key: 'all',
              label: '全部报表',
              children: (
                <>
                  {filters}
                  {table('report-all')}
                </>
              ),
            },
          ]}
        />
      ) : (
        <>
          {filters}
          {table(enterprise ? 'report-mine' : 'report-all')}
        </>
      )}
    </Card>
  );
}
