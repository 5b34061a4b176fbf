import type { Alarm, SourceStatus } from '@ecep/contract';

export const STATUS_LABELS: Record<SourceStatus, { text: string; badge: 'success' | 'default' | 'error' }> = {
  online: { text: '在线', badge: 'success' },
  offline: { text: '离线', badge: 'default' },
  alarm: { text: '报警', badge: 'error' },
};

/** Colours of the map points, matching the badges. */
export const STATUS_COLORS: Record<SourceStatus, string> = {
  online: '#52c41a',
  offline: '#8c8c8c',
  alarm: '#f5222d',
};

export const ALARM_TYPE_LABELS: Record<Alarm['type'], string> = {
  exceedance: '超标',
  offline: '离线',
  flag: '数据标记异常',
  constant: '恒值',
};

/** HJ 212-2017 data flags (数据标记). */
export const FLAG_LABELS: Record<string, string> = {
  N: '正常',
  F: '停运',
  M: '维护',
  S: '手工输入',
  D: '故障',
  C: '校准',
  T: '超测定上限',
  B: '通讯异常',
};

export const flagLabel = (flag: string | null | undefined): string =>
  flag ? `${flag} ${FLAG_LABELS[flag] ?? '未知标记'}` : '—';

export const ST_LABELS: Record<string, string> = {
  '31': '废气',
  '32': '废水',
  '22': '空气质量',
  '21': '地表水',
};

/** Known emission standard profiles; others are shown as stored. */
export const STANDARD_LABELS: Record<string, string> = {
  'GB13223-2011-ultra-low': 'GB 13223-2011 超低排放',
  'GB13223-2011': 'GB 13223-2011 火电厂大气污染物排放标准',
  'GB8978-1996-grade-1': 'GB 8978-1996 一级标准',
};
export const standardLabel = (s: string | null | undefined): string =>
  s ? (STANDARD_LABELS[s] ?? s) : '未设置';
