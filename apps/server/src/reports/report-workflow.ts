import type { ReportStatus } from '@ecep/contract';

/** The levels a report passes through, in order. */
export type ReviewLevel = 'enterprise' | 'county' | 'city' | 'province';

export type ReportAction = 'edit' | 'submit' | 'approve' | 'return' | 'correct';

export interface WorkflowActor {
  role: string;
}

export interface WorkflowSubject {
  status: ReportStatus;
  /** Whether the enterprise sits in a county (then the county reviews first) or directly in a city. */
  enterpriseInCounty: boolean;
}

export type TransitionResult =
  | { ok: true; to: ReportStatus }
  | {
      ok: false;
      code: 'REPORT_ALREADY_APPROVED' | 'REPORT_NOT_YOUR_TURN' | 'REPORT_LOCKED';
      message: string;
    };

const LEVEL_ROLE: Record<ReviewLevel, string> = {
  enterprise: 'enterprise_user',
  county: 'county_admin',
  city: 'city_admin',
  province: 'province_admin',
};
const LEVEL_ZH: Record<ReviewLevel, string> = {
  enterprise: '企业',
  county: '县级',
  city: '市级',
  province: '省级',
};

/** Whose action is due for a report in this status, or null when it is approved (only a correction moves it). */
export function awaitingLevel(s: WorkflowSubject): ReviewLevel | null {
  switch (s.status) {
    case 'draft':
    case 'returned':
      return 'enterprise';
    case 'submitted':
      return s.enterpriseInCounty ? 'county' : 'city';
    case 'county_approved':
      return 'city';
    case 'city_approved':
      return 'province';
    case 'approved':
      return null;
  }
}

const APPROVED_AT: Record<Exclude<ReviewLevel, 'enterprise'>, ReportStatus> = {
  county: 'county_approved',
  city: 'city_approved',
  province: 'approved',
};

/**
 * The one place that says who may do what to a report in which state:
 * draft/returned → (enterprise edits, submits) → submitted → county → city → province approval;
 * any reviewer whose turn it is may return with a reason; an approved report changes only by a correction,
 * which creates a new version and sends it through review again.
 */
export function transition(s: WorkflowSubject, action: ReportAction, actor: WorkflowActor): TransitionResult {
  const due = awaitingLevel(s);
  if (action === 'correct') {
    if (s.status !== 'approved') {
      return {
        ok: false,
        code: 'REPORT_LOCKED',
        message:
          '只有已批准的报表才需要更正；未批准的报表请直接修改 / only an approved report takes a correction',
      };
    }
    if (actor.role !== LEVEL_ROLE.enterprise) {
      return {
        ok: false,
        code: 'REPORT_NOT_YOUR_TURN',
        message: '更正由填报企业提出 / the reporting enterprise files corrections',
      };
    }
    return { ok: true, to: 'submitted' };
  }
  if (s.status === 'approved') {
    return {
      ok: false,
      code: 'REPORT_ALREADY_APPROVED',
      message:
        '报表已由省级批准，不能直接修改或审核；如需变更请提交更正（生成新版本）/ approved: file a correction instead',
    };
  }
  if (due === null) return { ok: false, code: 'REPORT_LOCKED', message: 'no action is due' };
  if (actor.role !== LEVEL_ROLE[due]) {
    return {
      ok: false,
      code: 'REPORT_NOT_YOUR_TURN',
      message: `当前应由${LEVEL_ZH[due]}处理（状态：${s.status}），您的角色 ${actor.role} 不能执行 ${action} / it is the ${due} level's turn`,
    };
  }
  switch (action) {
    case 'edit':
      return due === 'enterprise'
        ? { ok: true, to: s.status }
        : { ok: false, code: 'REPORT_LOCKED', message: '报表审核中，不能修改 / under review' };
    case 'submit':
      return due === 'enterprise'
        ? { ok: true, to: 'submitted' }
        : { ok: false, code: 'REPORT_LOCKED', message: '报表已报送 / already submitted' };
    case 'approve':
      return due === 'enterprise'
        ? {
            ok: false,
            code: 'REPORT_NOT_YOUR_TURN',
            message: '企业不能审核报表 / an enterprise cannot approve',
          }
        : { ok: true, to: APPROVED_AT[due] };
    case 'return':
      return due === 'enterprise'
        ? {
            ok: false,
            code: 'REPORT_NOT_YOUR_TURN',
            message: '企业不能退回报表 / an enterprise cannot return',
          }
        : { ok: true, to: 'returned' };
  }
}
