import { DeleteOutlined, EditOutlined, ReloadOutlined } from '@ant-design/icons';
import type { Enterprise } from '@ecep/contract';
import { App, Breadcrumb, Button, Card, Popconfirm, Space, Tabs, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { call, errorText } from '../../api';
import { useMe } from '../../auth/auth-context';
import { canReadAudit, isAdmin } from '../../auth/permissions';
import { AuditTable } from '../../components/audit-table';
import { DetailPlaceholder } from '../../components/detail-placeholder';
import { useReloadable } from '../../lib/use-reloadable';
import { EnterpriseEnergySummary } from '../energy/enterprise-energy-summary';
import { EnterpriseDescriptions } from './enterprise-descriptions';
import { EnterpriseFlags } from './enterprise-flags';
import { EnterpriseFormModal } from './enterprise-form-modal';
import { EnterpriseMonitoringTab } from './enterprise-monitoring-tab';

export function EnterpriseDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [enterprise, setEnterprise] = useState<Enterprise | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState(false);
  // The audit tab is hidden per enterprise (the caller may not read the trail).
  const [auditHiddenFor, setAuditHiddenFor] = useState<string | null>(null);
  const auditHidden = auditHiddenFor === id;
  const hideAudit = useCallback(() => setAuditHiddenFor(id), [id]);

  const load = useCallback(
    async (isCurrent: () => boolean) => {
      // Another enterprise: do not show the previous one while the new one loads.
      setEnterprise((prev) => (prev?.id === id ? prev : null));
      setError(null);
      try {
        const e = await call((api) => api.getEnterprise(id));
        if (!isCurrent()) return;
        setEnterprise(e);
        setError(null);
      } catch (err) {
        if (isCurrent()) setError(err);
      }
    },
    [id],
  );
  const reload = useReloadable(load);

  const onDelete = async () => {
    if (!enterprise) return;
    try {
      await call((api) => api.deleteEnterprise(enterprise.id));
      message.success(`已删除企业「${enterprise.name}」`);
      navigate('/enterprises', { replace: true });
    } catch (err) {
      message.error(`删除失败：${errorText(err)}`);
    }
  };

  const crumbs = (
    <Breadcrumb
      style={{ marginBottom: 16 }}
      items={[
        { title: '台账' },
        { title: <Link to="/enterprises">企业名录</Link> },
        { title: enterprise?.name ?? '企业详情' },
      ]}
    />
  );

  if (error || !enterprise) {
    return (
      <DetailPlaceholder
        crumbs={crumbs}
        error={error}
        notFoundStatuses={[404, 400]}
        notFoundTitle="企业不存在或不在您的管辖范围内"
        failedTitle="企业信息加载失败"
        backTo="/enterprises"
        backText="返回企业名录"
      />
    );
  }

  const admin = isAdmin(me.role);
  const tabs = [
    { key: 'info', label: '基本信息', children: <EnterpriseDescriptions enterprise={enterprise} /> },
    {
      key: 'monitoring',
      label: '在线监测',
      children: <EnterpriseMonitoringTab enterpriseId={enterprise.id} />,
    },
    {
      key: 'energy',
      label: '能耗',
      children: <EnterpriseEnergySummary enterpriseId={enterprise.id} />,
    },
    {
      key: 'waste',
      label: '固废',
      children: (
        <Typography.Paragraph>
          一般工业固体废物的产生、综合利用、处置与贮存台账（吨，按月/年），含贮存量平衡与综合利用率：
          <Link to={`/ledger?ent=${enterprise.id}`}>查看本企业固废台账</Link>
        </Typography.Paragraph>
      ),
    },
  ];
  if (canReadAudit(me.role) && !auditHidden) {
    tabs.push({
      key: 'audit',
      label: '变更记录',
      children: (
        <AuditTable
          key={enterprise.version}
          entity="enterprise"
          entityId={enterprise.id}
          onForbidden={hideAudit}
          pageSize={10}
        />
      ),
    });
  }

  return (
    <>
      {crumbs}
      <Card>
        <div
          style={{
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'flex-start',
            gap: 16,
            flexWrap: 'wrap',
          }}
        >
          <div>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="enterprise-detail-title">
              {enterprise.name}
            </Typography.Title>
            <Space size={4} style={{ marginTop: 8 }} wrap>
              <EnterpriseFlags enterprise={enterprise} showDemo />
              <Typography.Text type="secondary" className="ecep-mono">
                {enterprise.creditCode}
              </Typography.Text>
            </Space>
          </div>
          <Space>
            <Button icon={<ReloadOutlined />} onClick={reload}>
              刷新
            </Button>
            {admin && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                编辑
              </Button>
            )}
            {admin && (
              <Popconfirm
                title="删除企业"
                description={`确定删除「${enterprise.name}」吗？删除后将不再出现在企业名录中。`}
                okText="删除"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={onDelete}
              >
                <Button danger icon={<DeleteOutlined />}>
                  删除
                </Button>
              </Popconfirm>
            )}
          </Space>
        </div>
        <Tabs style={{ marginTop: 16 }} items={tabs} />
      </Card>
      {admin && (
        <EnterpriseFormModal
          open={editing}
          enterprise={enterprise}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            setEnterprise(saved);
            reload();
          }}
          onReload={() => {
            setEditing(false);
            reload();
          }}
        />
      )}
    </>
  );
}
