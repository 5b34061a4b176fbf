import { EnvironmentOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { ROLE_LABELS_ZH } from '@ecep/contract';
import { Avatar, Button, Layout, Space, Tag, Tooltip, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useAuth, useMe } from '../auth/auth-context';

export function AppHeader() {
  const me = useMe();
  const { system, logout } = useAuth();
  const navigate = useNavigate();

  const onLogout = async () => {
    await logout().catch(() => undefined);
    navigate('/login', { replace: true });
  };

  return (
    <Layout.Header
      style={{
        background: '#fff',
        padding: '0 24px',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        borderBottom: '1px solid #e8ecea',
        gap: 16,
      }}
    >
      <Space size="middle">
        <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap' }}>
          节能环保监管平台
        </Typography.Title>
        {system?.demo && (
          <Tooltip title="当前数据库载入的是演示数据，企业、用户与数值均为虚构，仅供体验。">
            <Tag color="orange" data-testid="demo-tag">
              演示数据
            </Tag>
          </Tooltip>
        )}
      </Space>
      <Space size="middle" wrap={false}>
        <Space size={8}>
          <Avatar size="small" icon={<UserOutlined />} style={{ background: '#17795e' }} />
          <Typography.Text strong data-testid="header-user">
            {me.displayName}
          </Typography.Text>
          <Tag color="green">{ROLE_LABELS_ZH[me.role]}</Tag>
          <Typography.Text type="secondary">
            <EnvironmentOutlined /> {me.regionName ?? '全国'}
          </Typography.Text>
        </Space>
        <Button icon={<LogoutOutlined />} onClick={onLogout}>
          退出
        </Button>
      </Space>
    </Layout.Header>
  );
}
