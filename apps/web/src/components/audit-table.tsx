import { ApiError, type AuditEvent, type AuditList } from '@ecep/contract';
import { Alert, Table, type TableColumnsType, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { call, errorText } from '../api';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, formatTime } from '../lib/format';
import { AuditChange } from './audit-change';

const ACTION_COLORS: Record<string, string> = { create: 'green', update: 'blue', delete: 'red' };

const columns: TableColumnsType<AuditEvent> = [
  { title: '时间', dataIndex: 'at', width: 180, render: (at: string) => formatTime(at) },
  { title: '操作人', dataIndex: 'actorName', width: 140 },
  {
    title: '操作',
    dataIndex: 'action',
    width: 120,
    render: (a: string) => <Tag color={ACTION_COLORS[a]}>{AUDIT_ACTION_LABELS[a] ?? a}</Tag>,
  },
  {
    title: '对象',
    key: 'entity',
    render: (_, e) => (
      <span>
        {AUDIT_ENTITY_LABELS[e.entity] ?? e.entity}{' '}
        <span className="ecep-mono" style={{ color: '#8c8c8c', fontSize: 12 }}>
          {e.entityId}
        </span>
      </span>
    ),
  },
];

export interface AuditTableProps {
  entity?: string;
  entityId?: string;
  /** Called when the caller's role may not read the trail, so the page can hide the panel. */
  onForbidden?: () => void;
  pageSize?: number;
}

/** The audit trail, newest first, each row expandable to its before/after JSON. */
export function AuditTable({
  entity,
  entityId,
  onForbidden,
  pageSize: initialPageSize = 20,
}: AuditTableProps) {
  // A new filter starts again at page 1: the page is remembered together with the filter it belongs to.
  const filterKey = `${entity ?? ''}\u0000${entityId ?? ''}`;
  const [pageState, setPageState] = useState({ filterKey, page: 1 });
  const page = pageState.filterKey === filterKey ? pageState.page : 1;
  const setPage = (next: number) => setPageState({ filterKey, page: next });
  const [pageSize, setPageSize] = useState(initialPageSize);
  const [data, setData] = useState<AuditList | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    setLoading(true);
    call((api) => api.listAudit({ entity, entityId, page, pageSize }))
      .then((res) => {
        if (!alive) return;
        setData(res);
        setError(null);
      })
      .catch((err) => {
        if (!alive) return;
        if (err instanceof ApiError && err.status === 403) onForbidden?.();
        setError(errorText(err));
      })
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [entity, entityId, page, pageSize, onForbidden]);

  return (
    <>
      {error && (
        <Alert type="error" showIcon title={`审计记录加载失败：${error}`} style={{ marginBottom: 12 }} />
      )}
      <Table<AuditEvent>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        expandable={{
          expandedRowRender: (e) => <AuditChange before={e.before} after={e.after} />,
          expandRowByClick: true,
        }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 条记录`,
          onChange: (p, s) => {
            setPage(s !== pageSize ? 1 : p);
            setPageSize(s);
          },
        }}
        locale={{ emptyText: '暂无审计记录' }}
      />
    </>
  );
}
