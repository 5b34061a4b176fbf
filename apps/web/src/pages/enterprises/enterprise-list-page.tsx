import { PlusOutlined } from '@ant-design/icons';
import { ApiError } from '@ecep/contract';
import { Button, Card, Result, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { call } from '../../api';
import { useMe } from '../../auth/auth-context';
import { canReadEnterprises, isAdmin } from '../../auth/permissions';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { useApiData } from '../../lib/use-api-data';
import { EnterpriseFilterBar } from './enterprise-filter-bar';
import { EnterpriseFormModal } from './enterprise-form-modal';
import { EnterpriseTable } from './enterprise-table';
import { useEnterpriseFilters } from './use-enterprise-query';

export function EnterpriseListPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { filters, query, update, reset } = useEnterpriseFilters();
  const [creating, setCreating] = useState(false);
  const fetcher = useCallback(() => call((api) => api.listEnterprises(query)), [query]);
  const { data, loading, error, reload } = useApiData(canReadEnterprises(me.role) ? fetcher : null);

  if (!canReadEnterprises(me.role) || (error instanceof ApiError && error.status === 403)) {
    return (
      <Result
        status="403"
        title="无权查看企业名录"
        subTitle="您的角色不能查看企业信息，如需访问请联系管理员。"
      />
    );
  }

  const scope = me.role === 'enterprise_user' ? '本企业' : (me.regionName ?? '全国');

  return (
    <Card
      title={
        <Space>
          企业名录
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
            管辖范围：{scope}
          </Typography.Text>
        </Space>
      }
      extra={
        isAdmin(me.role) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新增企业
          </Button>
        )
      }
    >
      <EnterpriseFilterBar filters={filters} onChange={update} onReset={reset} />
      {error !== null && (
        <LoadErrorAlert what="企业列表" error={error} onRetry={reload} style={{ marginBottom: 16 }} />
      )}
      <EnterpriseTable
        items={data?.items ?? []}
        total={data?.total ?? 0}
        page={filters.page}
        pageSize={filters.pageSize}
        loading={loading}
        onPage={(page, pageSize) => update({ page, pageSize })}
        onOpen={(e) => navigate(`/enterprises/${e.id}`)}
      />
      {isAdmin(me.role) && (
        <EnterpriseFormModal
          open={creating}
          onClose={() => setCreating(false)}
          onSaved={(e) => {
            setCreating(false);
            navigate(`/enterprises/${e.id}`);
          }}
        />
      )}
    </Card>
  );
}
