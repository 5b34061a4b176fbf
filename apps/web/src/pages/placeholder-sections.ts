/** What each not-yet-built section will hold, so the placeholder says so plainly. */
export interface PlaceholderSection {
  title: string;
  summary: string;
  planned: string[];
}

export const PLACEHOLDER_SECTIONS = {
  overview: {
    title: '总览',
    summary: '全省（市、县）节能环保态势的一屏总览。',
    planned: [
      '本年度能耗总量（万吨标准煤）与能耗强度（吨标准煤/万元 GDP）完成进度',
      '重点排污单位在线监测超标报警数（次/日）与数据传输有效率（%）',
      '目标考核预警等级分布、逾期未办结督办任务',
      '每个图表附数据表格视图与导出',
    ],
  },
  monitoring: {
    title: '在线监测',
    summary: '接入 HJ 212 协议的污染源自动监控数据。',
    planned: [
      '监测点位与设备状态（在线 / 离线 / 故障）',
      '实时数据、小时均值与日均值（mg/m³，折算至基准氧含量）',
      '超标报警与数据有效性审核',
    ],
  },
  energy: {
    title: '能耗双控',
    summary: '能源消费总量和强度“双控”管理。',
    planned: [
      '企业能源消费月报、年报（吨标准煤，按当量值 / 等价值）',
      '地区能耗强度（吨标准煤/万元 GDP）与累计下降率（%）',
      '双控目标预警（红 / 橙 / 黄 / 绿）',
      '可先使用左侧“计算器”体验折标与强度计算',
    ],
  },
  targets: {
    title: '目标考核',
    summary: '节能目标责任评价考核。',
    planned: ['年度与“十四五”目标分解', '考核评分表（分）与等级评定', '考核结果公示与整改跟踪'],
  },
  ledger: {
    title: '固废与排污许可台账',
    summary: '企业环境管理台账。',
    planned: [
      '一般工业固体废物与危险废物产生、贮存、利用处置台账（吨/年）',
      '排污许可证及执行报告',
      '能源审计与节能监察记录',
    ],
  },
  projects: {
    title: '重点项目',
    summary: '节能降碳与污染治理重点项目库。',
    planned: [
      '项目申报、审核与入库',
      '投资额（万元）与节能量（吨标准煤/年）、减排量（吨/年）',
      '建设进度与验收',
    ],
  },
  tasks: {
    title: '任务督办',
    summary: '监管任务的下达、办理与督办。',
    planned: ['任务下达与签收', '办理时限与逾期提醒', '办结材料与评价'],
  },
} satisfies Record<string, PlaceholderSection>;

export type PlaceholderKey = keyof typeof PLACEHOLDER_SECTIONS;
