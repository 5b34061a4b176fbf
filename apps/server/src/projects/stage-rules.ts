import { PROJECT_STAGES, type ProjectStage } from '@ecep/contract';

/** Forward order of the stages; 终止 stands outside it. */
const RANK: Record<Exclude<ProjectStage, 'terminated'>, number> = {
  reserve: 0,
  started: 1,
  operating: 2,
  full_production: 3,
};

export const stageName = (code: string): string =>
  PROJECT_STAGES.find((s) => s.code === code)?.nameZh ?? code;

/** Stages that count as started (开工) and as in operation (投产或部分投产) in the plan's rates. */
export const STARTED_STAGES: readonly string[] = ['started', 'operating', 'full_production'];
export const OPERATING_STAGES: readonly string[] = ['operating', 'full_production'];

/**
 * Why a stage change is refused, or null when it is allowed. `today` is the Asia/Shanghai date of the clock.
 *
 * - the same stage again is refused;
 * - the date may not lie in the future, nor before the date of the current stage;
 * - going back (投产 → 开工 …) and leaving 终止 need a reason;
 * - 终止 needs a reason.
 *
 * @example
 * stageChangeRefusal({ stage: 'operating', stageDate: '2025-03-01' }, { stage: 'started', date: '2025-04-01' }, '2025-05-01');
 * // → '从“投产”回退到“开工”须说明原因 / going back needs a reason'
 */
export function stageChangeRefusal(
  current: { stage: string; stageDate: string | null },
  change: { stage: ProjectStage; date: string; reason?: string | null },
  today: string,
): string | null {
  const from = current.stage;
  const to = change.stage;
  const reason = change.reason?.trim() ?? '';
  if (from === to) return `项目已处于“${stageName(to)}”阶段 / already in this stage`;
  if (change.date > today)
    return `阶段日期 ${change.date} 晚于今天 ${today}，不能填写未来日期 / the date lies in the future`;
  if (current.stageDate && change.date < current.stageDate)
    return `阶段日期 ${change.date} 早于当前阶段“${stageName(from)}”的日期 ${current.stageDate} / before the current stage’s date`;
  if (to === 'terminated') {
    return reason ? null : '终止项目须说明原因 / terminating needs a reason';
  }
  if (from === 'terminated') {
    return reason ? null : `已终止的项目恢复为“${stageName(to)}”须说明原因 / reopening needs a reason`;
  }
  const fromRank = RANK[from as keyof typeof RANK];
  const toRank = RANK[to];
  if (fromRank !== undefined && toRank < fromRank && !reason)
    return `从“${stageName(from)}”回退到“${stageName(to)}”须说明原因 / going back needs a reason`;
  return null;
}
