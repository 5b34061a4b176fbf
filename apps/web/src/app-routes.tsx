import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { useAuth } from './auth/auth-context';
import { canReadEnterprises } from './auth/permissions';
import { RequireAuth } from './auth/require-auth';

// Every page is its own chunk so that the login route stays small.
const LoginPage = lazy(() => import('./pages/login-page').then((m) => ({ default: m.LoginPage })));
const AppLayout = lazy(() => import('./layout/app-layout').then((m) => ({ default: m.AppLayout })));
const PlaceholderPage = lazy(() =>
  import('./pages/placeholder-page').then((m) => ({ default: m.PlaceholderPage })),
);
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

const pageFallback = <Spin size="large" fullscreen description="正在加载…" />;

/** 总览 is still a placeholder, so the enterprise directory is the working landing page for now. */
function HomeRedirect() {
  const { me } = useAuth();
  return <Navigate to={me && canReadEnterprises(me.role) ? '/enterprises' : '/overview'} replace />;
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
          <Route path="overview" element={<PlaceholderPage section="overview" />} />
          <Route path="monitoring" element={<PlaceholderPage section="monitoring" />} />
          <Route path="energy" element={<PlaceholderPage section="energy" />} />
          <Route path="energy/calculator" element={<CalculatorPage />} />
          <Route path="targets" element={<PlaceholderPage section="targets" />} />
          <Route path="ledger" element={<PlaceholderPage section="ledger" />} />
          <Route path="enterprises" element={<EnterpriseListPage />} />
          <Route path="enterprises/:id" element={<EnterpriseDetailPage />} />
          <Route path="projects" element={<PlaceholderPage section="projects" />} />
          <Route path="tasks" element={<PlaceholderPage section="tasks" />} />
          <Route path="system/users" element={<UsersPage />} />
          <Route path="system/audit" element={<AuditPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
