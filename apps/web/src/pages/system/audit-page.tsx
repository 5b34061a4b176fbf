import { Card, Result, Select, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useMe } from '../../auth/auth-context';
import { canReadAudit } from '../../auth/permissions';
import { AuditTable } from '../../components/audit-table';
import { AUDIT_ENTITY_LABELS } from '../../lib/format';

export function AuditPage() {
  const me = useMe();
  const [entity, setEntity] = useState<string | undefined>();
  const [forbidden, setForbidden] = useState(false);
  const onForbidden = useCallback(() => setForbidden(true), []);

  if (!canReadAudit(me.role) || forbidden) {
    return (
      <Result status="403" title="无权查看操作审计" subTitle="操作审计仅向省级管理员和审计/核查人员开放。" />
    );
  }
  return (
    <Card
      title="操作审计"
      extra={
        <Space>
          <Typography.Text type="secondary">对象类型</Typography.Text>
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 140 }}
            value={entity}
            onChange={setEntity}
            options={Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        记录谁在何时对什么做了哪些修改；点击一行查看变更前后的完整数据（JSON）。
      </Typography.Paragraph>
      <AuditTable entity={entity} onForbidden={onForbidden} />
    </Card>
  );
}
