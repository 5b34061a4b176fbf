import {
  AimOutlined,
  BookOutlined,
  DashboardOutlined,
  FundProjectionScreenOutlined,
  MonitorOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import type { Role } from '@ecep/contract';
import type { MenuProps } from 'antd';
import { canManageUsers, canReadAudit, canReadEnterprises } from '../auth/permissions';

type MenuItem = Required<MenuProps>['items'][number];

/** The left menu; keys are route paths. Entries the role cannot use are left out. */
export function menuItemsFor(role: Role): MenuItem[] {
  const system: MenuItem[] = [];
  if (canManageUsers(role)) system.push({ key: '/system/users', label: '用户管理' });
  if (canReadAudit(role)) system.push({ key: '/system/audit', label: '操作审计' });

  const ledger: MenuItem[] = [];
  if (canReadEnterprises(role)) ledger.push({ key: '/enterprises', label: '企业名录' });
  ledger.push({ key: '/ledger', label: '固废与排污许可台账' });

  const items: MenuItem[] = [
    { key: '/overview', icon: <DashboardOutlined />, label: '总览' },
    {
      key: 'monitoring-group',
      icon: <MonitorOutlined />,
      label: '在线监测',
      children: [
        { key: '/monitoring', label: '监测总览' },
        { key: '/monitoring/alarms', label: '报警中心' },
      ],
    },
    {
      key: 'energy-group',
      icon: <ThunderboltOutlined />,
      label: '能源与双控',
      children: [
        { key: '/energy', label: '能耗双控' },
        { key: '/energy/calculator', label: '计算器' },
        { key: '/reports', label: '填报与审核' },
        // Regional statistics are government data: enterprise and public users have no access.
        ...(role === 'enterprise_user' || role === 'public'
          ? []
          : [{ key: '/statistics', label: '地区统计数据' }]),
      ],
    },
    { key: '/targets', icon: <AimOutlined />, label: '目标考核' },
    { key: 'ledger-group', icon: <BookOutlined />, label: '台账', children: ledger },
    { key: '/projects', icon: <FundProjectionScreenOutlined />, label: '重点项目' },
    { key: '/tasks', icon: <ScheduleOutlined />, label: '任务督办' },
  ];
  if (system.length > 0) {
    items.push({ key: 'system-group', icon: <SettingOutlined />, label: '系统管理', children: system });
  }
  return items;
}

const ALL_KEYS = [
  '/overview',
  '/monitoring',
  '/monitoring/alarms',
  '/energy',
  '/energy/calculator',
  '/reports',
  '/statistics',
  '/targets',
  '/enterprises',
  '/ledger',
  '/projects',
  '/tasks',
  '/system/users',
  '/system/audit',
];

/** The menu key for a location: the longest route key that prefixes the path. */
export function selectedKeyFor(pathname: string): string | undefined {
  return ALL_KEYS.filter((k) => pathname === k || pathname.startsWith(`${k}/`)).sort(
    (a, b) => b.length - a.length,
  )[0];
}

/** The submenu that holds a key, so it starts open. */
export function openKeyFor(key: string | undefined): string | undefined {
  if (!key) return undefined;
  if (key.startsWith('/energy')) return 'energy-group';
  if (key === '/reports' || key === '/statistics') return 'energy-group';
  if (key === '/enterprises' || key === '/ledger') return 'ledger-group';
  if (key.startsWith('/system')) return 'system-group';
  if (key.startsWith('/monitoring')) return 'monitoring-group';
  return undefined;
}
