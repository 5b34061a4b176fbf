import { UserAddOutlined } from '@ant-design/icons';
import { ApiError, ROLE_LABELS_ZH, type User } from '@ecep/contract';
import { Alert, Button, Card, Result, Table, type TableColumnsType, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { call, errorText } from '../../api';
import { useMe } from '../../auth/auth-context';
import { canManageUsers } from '../../auth/permissions';
import { formatTime } from '../../lib/format';
import { useRegionNames } from '../../lib/use-region-names';
import { UserCreateModal } from './user-create-modal';

export function UsersPage() {
  const me = useMe();
  const [users, setUsers] = useState<User[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [creating, setCreating] = useState(false);
  const regionName = useRegionNames(users.map((u) => u.regionCode));

  const load = useCallback(() => {
    setLoading(true);
    call((api) => api.listUsers())
      .then((res) => {
        setUsers(res.items);
        setError(null);
      })
      .catch(setError)
      .finally(() => setLoading(false));
  }, []);

  useEffect(() => {
    if (canManageUsers(me.role)) load();
  }, [load, me.role]);

  if (!canManageUsers(me.role) || (error instanceof ApiError && error.status === 403)) {
    return <Result status="403" title="无权管理用户" subTitle="只有省、市、县级管理员可以查看和新增用户。" />;
  }

  const columns: TableColumnsType<User> = [
    { title: '用户名', dataIndex: 'username', render: (u: string) => <span className="ecep-mono">{u}</span> },
    { title: '姓名', dataIndex: 'displayName' },
    {
      title: '角色',
      dataIndex: 'role',
      render: (r: User['role']) => <Tag color="green">{ROLE_LABELS_ZH[r]}</Tag>,
    },
    {
      title: '管辖区域',
      dataIndex: 'regionCode',
      render: (c: string | null) => (c ? `${regionName(c)}（${c}）` : '全国'),
    },
    {
      title: '所属企业',
      dataIndex: 'enterpriseId',
      render: (id: string | null) => (id ? <Link to={`/enterprises/${id}`}>查看企业</Link> : '—'),
    },
    {
      title: '状态',
      dataIndex: 'disabled',
      render: (d: boolean) => (d ? <Tag color="red">已停用</Tag> : <Tag color="success">正常</Tag>),
    },
    { title: '创建时间', dataIndex: 'createdAt', render: (t: string) => formatTime(t) },
  ];

  return (
    <Card
      title="用户管理"
      extra={
        <Button type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)}>
          新增用户
        </Button>
      }
    >
      {error !== null && (
        <Alert
          type="error"
          showIcon
          title={`用户列表加载失败：${errorText(error)}`}
          style={{ marginBottom: 16 }}
        />
      )}
      <Table<User>
        rowKey="id"
        columns={columns}
        dataSource={users}
        loading={loading}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 个用户` }}
        locale={{ emptyText: '暂无用户' }}
      />
      <UserCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          load();
        }}
      />
    </Card>
  );
}
