import dayjs from 'dayjs';

/** `2026-03-01 14:05:09` in the browser's time zone. */
export const formatTime = (iso: string): string => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');

export const yesNo = (b: boolean): string => (b ? '是' : '否');

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  create: '新增',
  update: '修改',
  delete: '删除',
  'demo-seed': '载入演示数据',
  login: '登录',
  logout: '退出',
};

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  enterprise: '企业',
  user: '用户',
  system: '系统',
};
