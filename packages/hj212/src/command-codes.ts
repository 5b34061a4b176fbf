/** A command code (CN) and the standard versions that define it. */
export interface CommandCode {
  readonly cn: string;
  readonly name: string;
  readonly nameEn: string;
  /** Versions defining this CN (2005 meanings differ for a few, e.g. 1001). */
  readonly versions: readonly ('2005' | '2017' | '2025')[];
}

const c = (
  cn: string,
  name: string,
  nameEn: string,
  ...versions: ('2005' | '2017' | '2025')[]
): CommandCode => ({
  cn,
  name,
  nameEn,
  versions,
});
const ALL: ('2005' | '2017' | '2025')[] = ['2005', '2017', '2025'];
const NEW: ('2017' | '2025')[] = ['2017', '2025'];

/**
 * Command codes of HJ 212-2017 Table 9, the 2005 commands 2017 removed, and the 2025 additions known from
 * public implementations (heartbeat 9015 and others; verify 2025 details against the official text).
 */
export const COMMAND_CODES: readonly CommandCode[] = [
  c('1000', '设置超时时间及重发次数', 'set timeout and retries', ...ALL),
  c(
    '1001',
    '上传数采仪硬件序列号',
    'upload DAU hardware serial (2025; 2005: set alarm time)',
    '2005',
    '2025',
  ),
  c('1002', '设置数采仪MN', 'set DAU MN', '2025'),
  c('1011', '提取/上传现场机时间', 'get / upload device time', ...ALL),
  c('1012', '设置现场机时间', 'set device time', ...ALL),
  c('1013', '现场机时间校准请求', 'device time calibration request', ...NEW),
  c('1014', '密钥交换', 'key exchange', '2025'),
  c('1021', '提取污染物报警门限值', 'get alarm limits', '2005'),
  c('1022', '设置污染物报警门限值', 'set alarm limits', '2005'),
  c('1031', '提取上位机地址', 'get platform address', '2005'),
  c('1032', '设置上位机地址', 'set platform address', '2005'),
  c('1041', '提取数据上报时间', 'get data report time', '2005'),
  c('1042', '设置数据上报时间', 'set data report time', '2005'),
  c('1061', '提取实时数据间隔', 'get real-time interval', ...ALL),
  c('1062', '上传/设置实时数据间隔', 'upload / set real-time interval', ...ALL),
  c('1063', '提取分钟数据间隔', 'get minute interval', ...NEW),
  c('1064', '上传/设置分钟数据间隔', 'upload / set minute interval', ...NEW),
  c('1072', '设置现场机访问密码', 'set access password', ...ALL),
  c('2011', '实时数据', 'real-time data', ...ALL),
  c('2012', '停止察看实时数据', 'stop real-time data', ...ALL),
  c('2013', '原始监测数据', 'raw monitoring data', '2025'),
  c('2021', '设备运行状态', 'facility run state', ...ALL),
  c('2022', '停止察看设备运行状态', 'stop run-state data', ...ALL),
  c('2031', '日历史数据', 'daily data', ...ALL),
  c('2041', '设备运行时间日历史数据', 'facility daily run time', ...ALL),
  c('2051', '分钟数据', 'minute data', ...ALL),
  c('2052', '噪声单次测量数据', 'noise single measurement', '2025'),
  c('2061', '小时数据', 'hourly data', ...ALL),
  c('2062', '自动标样核查/校准数据', 'automatic standard check / calibration data', '2025'),
  c('2071', '提取报警记录', 'get alarm records', '2005'),
  c('2072', '上传报警事件', 'upload alarm event', '2005'),
  c('2081', '数采仪开机时间', 'DAU power-on time', ...NEW),
  c('2111', '炉膛温度5分钟均值', 'furnace temperature 5-minute mean', '2025'),
  c('3011', '零点校准量程校准', 'zero / span calibration', ...ALL),
  c('3012', '即时采样', 'immediate sampling', ...ALL),
  c('3013', '启动清洗/反吹', 'start cleaning / blow-back', ...ALL),
  c('3014', '比对采样', 'comparison sampling (2005: set sampling cycle)', ...ALL),
  c('3015', '超标留样', 'over-limit sample retention', ...NEW),
  c('3016', '设置采样时间周期', 'set sampling cycle', ...NEW),
  c('3017', '提取采样时间周期', 'get sampling cycle', ...NEW),
  c('3018', '提取出样时间', 'get sample output time', ...NEW),
  c('3019', '提取设备唯一标识', 'get instrument id', ...NEW),
  c('3020', '提取/上传现场机信息', 'get / upload device info', ...NEW),
  c('3021', '设置现场机参数', 'set device parameter', ...NEW),
  c('3022', '即时留样', 'immediate sample retention', '2025'),
  c('3024', '启动自动标样核查', 'start automatic standard check', '2025'),
  c('9011', '请求应答', 'request response', ...ALL),
  c('9012', '执行结果', 'execution result', ...ALL),
  c('9013', '通知应答', 'notification response', ...ALL),
  c('9014', '数据应答', 'data response', ...ALL),
  c('9015', '心跳', 'heartbeat', '2025'),
];

const BY_CN = new Map(COMMAND_CODES.map((x) => [x.cn, x]));

/**
 * Looks up a command code.
 *
 * @example
 * commandInfo('2051')?.name; // '分钟数据'
 */
export function commandInfo(cn: string): CommandCode | undefined {
  return BY_CN.get(cn);
}

/** QnRtn (9011) meanings, HJ 212-2017 Table 7. */
export const QN_RTN: Readonly<Record<number, string>> = {
  1: '准备执行请求',
  2: '请求被拒绝',
  3: 'PW错误',
  4: 'MN错误',
  5: 'ST错误',
  6: 'Flag错误',
  7: 'QN错误',
  8: 'CN错误',
  9: 'CRC校验错误',
  100: '未知错误',
};

/** ExeRtn (9012) meanings, HJ 212-2017 Table 6. */
export const EXE_RTN: Readonly<Record<number, string>> = {
  1: '执行成功',
  2: '执行失败，但不知道原因',
  3: '命令请求条件错误',
  4: '通讯超时',
  5: '系统繁忙不能执行',
  6: '系统故障',
  100: '没有数据',
};

/** System codes (ST), HJ 212-2017 Table 5. Vendors also use 80, 99, 101; ST is not a reliable medium selector. */
export const SYSTEM_CODES: Readonly<Record<string, string>> = {
  '21': '地表水质量监测',
  '22': '空气质量监测',
  '23': '声环境质量监测',
  '24': '地下水质量监测',
  '25': '土壤质量监测',
  '26': '海水质量监测',
  '27': '挥发性有机物监测',
  '31': '大气环境污染源',
  '32': '地表水体环境污染源',
  '33': '地下水体环境污染源',
  '34': '海洋环境污染源',
  '35': '土壤环境污染源',
  '36': '声环境污染源',
  '37': '振动环境污染源',
  '38': '放射性环境污染源',
  '39': '工地扬尘污染源',
  '41': '电磁环境污染源',
  '51': '烟气排放过程监控',
  '52': '污水排放过程监控',
  '91': '系统交互',
};

/** Data flags (`-Flag`), HJ 212-2017 Table 8. Store flags verbatim; 2005 also used P (power failure). */
export const DATA_FLAGS: Readonly<Record<string, string>> = {
  N: '在线监控（监测）仪器仪表工作正常',
  F: '在线监控（监测）仪器仪表停运',
  M: '在线监控（监测）仪器仪表处于维护期间产生的数据',
  S: '手工输入的设定值',
  D: '在线监控（监测）仪器仪表故障',
  C: '在线监控（监测）仪器仪表处于校准状态',
  T: '在线监控（监测）仪器仪表采样数值超过测量上限',
  B: '在线监控（监测）仪器仪表与数采仪通讯异常',
};
