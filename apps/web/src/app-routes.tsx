import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { useAuth } from './auth/auth-context';
import { canReadEnterprises } from './auth/permissions';
import { RequireAuth } from './auth/require-auth';

// Every page is its own chunk so that the login route stays small.
const LoginPage = lazy(() => import('./pages/login-page').then((m) => ({ default: m.LoginPage })));
const AppLayout = lazy(() => import('./layout/app-layout').then((m) => ({ default: m.AppLayout })));
const NotFoundPage = lazy(() => import('./pages/not-found-page').then((m) => ({ default: m.NotFoundPage })));
const EnterpriseListPage = lazy(() =>
  import('./pages/enterprises/enterprise-list-page').then((m) => ({ default: m.EnterpriseListPage })),
);
const EnterpriseDetailPage = lazy(() =>
  import('./pages/enterprises/enterprise-detail-page').then((m) => ({ default: m.EnterpriseDetailPage })),
);
const CalculatorPage = lazy(() =>
  import('./pages/calc/calculator-page').then((m) => ({ default: m.CalculatorPage })),
);
const UsersPage = lazy(() => import('./pages/system/users-page').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('./pages/system/audit-page').then((m) => ({ default: m.AuditPage })));
const MonitoringHomePage = lazy(() =>
  import('./pages/monitoring/monitoring-home-page').then((m) => ({ default: m.MonitoringHomePage })),
);
const DevicePage = lazy(() =>
  import('./pages/monitoring/device-page').then((m) => ({ default: m.DevicePage })),
);
const AlarmCentrePage = lazy(() =>
  import('./pages/monitoring/alarm-centre-page').then((m) => ({ default: m.AlarmCentrePage })),
);
const OverviewPage = lazy(() =>
  import('./pages/overview/overview-page').then((m) => ({ default: m.OverviewPage })),
);
const TargetsPage = lazy(() =>
  import('./pages/targets/targets-page').then((m) => ({ default: m.TargetsPage })),
);
const PlanPage = lazy(() => import('./pages/targets/plan-page').then((m) => ({ default: m.PlanPage })));
const TargetDetailPage = lazy(() =>
  import('./pages/targets/target-detail-page').then((m) => ({ default: m.TargetDetailPage })),
);
const BulletinPage = lazy(() =>
  import('./pages/targets/bulletin-page').then((m) => ({ default: m.BulletinPage })),
);
const StatisticsPage = lazy(() =>
  import('./pages/statistics/statistics-page').then((m) => ({ default: m.StatisticsPage })),
);
const ReportsPage = lazy(() =>
  import('./pages/reports/reports-page').then((m) => ({ default: m.ReportsPage })),
);
const ReportNewPage = lazy(() =>
  import('./pages/reports/report-new-page').then((m) => ({ default: m.ReportNewPage })),
);
const ReportDetailPage = lazy(() =>
  import('./pages/reports/report-detail-page').then((m) => ({ default: m.ReportDetailPage })),
);
const EnergyPage = lazy(() => import('./pages/energy/energy-page').then((m) => ({ default: m.EnergyPage })));
const EnterpriseEnergyPage = lazy(() =>
  import('./pages/energy/enterprise-energy-page').then((m) => ({ default: m.EnterpriseEnergyPage })),
);

const LedgerPage = lazy(() => import('./pages/ledger/ledger-page').then((m) => ({ default: m.LedgerPage })));
const LedgerEntryPage = lazy(() =>
  import('./pages/ledger/ledger-entry-page').then((m) => ({ default: m.LedgerEntryPage })),
);

const ProjectsPage = lazy(() =>
  import('./pages/projects/projects-page').then((m) => ({ default: m.ProjectsPage })),
);
const ProjectDetailPage = lazy(() =>
  import('./pages/projects/project-detail-page').then((m) => ({ default: m.ProjectDetailPage })),
);

const TasksPage = lazy(() => import('./pages/tasks/tasks-page').then((m) => ({ default: m.TasksPage })));
const TaskDetailPage = lazy(() =>
  import('./pages/tasks/task-detail-page').then((m) => ({ default: m.TaskDetailPage })),
);

const pageFallback = <Spin size="large" fullscreen description="正在加载…" />;

/** Government roles land on 总览, an enterprise on its reports, anyone else on the enterprise directory. */
function HomeRedirect() {
  const { me } = useAuth();
  const to =
    me && me.role !== 'public' && me.role !== 'enterprise_user'
      ? '/overview'
      : me?.role === 'enterprise_user'
        ? '/reports'
        : me && canReadEnterprises(me.role)
          ? '/enterprises'
          : '/overview';
  return <Navigate to={to} replace />;
}

export function AppRoutes() {
  return (
    <Suspense fallback={pageFallback}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }
        >
          <Route index element={<HomeRedirect />} />
          <Route path="overview" element={<OverviewPage />} />
          <Route path="monitoring" element={<MonitoringHomePage />} />
          <Route path="monitoring/devices/:mn" element={<DevicePage />} />
          <Route path="monitoring/alarms" element={<AlarmCentrePage />} />
          <Route path="energy" element={<EnergyPage />} />
          <Route path="energy/enterprises/:id" element={<EnterpriseEnergyPage />} />
          <Route path="energy/calculator" element={<CalculatorPage />} />
          <Route path="reports" element={<ReportsPage />} />
          <Route path="statistics" element={<StatisticsPage />} />
          <Route path="reports/new" element={<ReportNewPage />} />
          <Route path="reports/:id" element={<ReportDetailPage />} />
          <Route path="targets" element={<TargetsPage />} />
          <Route path="targets/plans/:planId" element={<PlanPage />} />
          <Route path="targets/plans/:planId/targets/:code" element={<TargetDetailPage />} />
          <Route path="targets/bulletin/:year" element={<BulletinPage />} />
          <Route path="ledger" element={<LedgerPage />} />
          <Route path="ledger/entries/:id" element={<LedgerEntryPage />} />
          <Route path="enterprises" element={<EnterpriseListPage />} />
          <Route path="enterprises/:id" element={<EnterpriseDetailPage />} />
          <Route path="projects" element={<ProjectsPage />} />
          <Route path="projects/:id" element={<ProjectDetailPage />} />
          <Route path="tasks" element={<TasksPage />} />
          <Route path="tasks/:id" element={<TaskDetailPage />} />
          <Route path="system/users" element={<UsersPage />} />
          <Route path="system/audit" element={<AuditPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
