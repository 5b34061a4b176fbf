/** What each not-yet-built section will hold, so the placeholder says so plainly. */
export interface PlaceholderSection {
  title: string;
  summary: string;
  planned: string[];
}

export const PLACEHOLDER_SECTIONS = {
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
