import { Button, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { api } from './api/client';
import { currentSession, onSessionChange, setSession, type StaffSession } from './auth/session';
import { zhCN } from './locale/zh-CN';
import { DecisionsPage } from './pages/decisions';
import { LoginPage } from './pages/login';
import { match, navigate, usePath } from './router';

// The decisions page is the landing page and loads with the shell; the rest load when opened
// (ECharts, the rules editor and the report frame stay out of the first load).
const DecisionDetailPage = lazy(() =>
  import('./pages/decision-detail').then((m) => ({ default: m.DecisionDetailPage })),
);
const ChannelsPage = lazy(() => import('./pages/channels').then((m) => ({ default: m.ChannelsPage })));
const ReviewsPage = lazy(() => import('./pages/reviews').then((m) => ({ default: m.ReviewsPage })));
const RulesPage = lazy(() => import('./pages/rules').then((m) => ({ default: m.RulesPage })));
const SimulationsPage = lazy(() => import('./pages/simulations').then((m) => ({ default: m.SimulationsPage })));
const AuditPage = lazy(() => import('./pages/audit').then((m) => ({ default: m.AuditPage })));

const NAV = ['decisions', 'channels', 'reviews', 'rules', 'simulations', 'audit'] as const;

function page(path: string): { key: string; node: ReactNode } {
  const detail = match('/decisions/:id', path);
  if (detail) return { key: 'decisions', node: <DecisionDetailPage id={detail.id} /> };
  switch (path) {
    case '/channels':
      return { key: 'channels', node: <ChannelsPage /> };
    case '/reviews':
      return { key: 'reviews', node: <ReviewsPage /> };
    case '/rules':
      return { key: 'rules', node: <RulesPage /> };
    case '/simulations':
      return { key: 'simulations', node: <SimulationsPage /> };
    case '/audit':
      return { key: 'audit', node: <AuditPage /> };
    default:
      return { key: 'decisions', node: <DecisionsPage /> };
  }
}

/** The console: sign-in, then a side menu of pages; a session that ends sends you back to sign-in. */
export function App() {
  const [session, setCurrent] = useState<StaffSession | null>(currentSession);
  const path = usePath();
  useEffect(() => onSessionChange(setCurrent), []);
  useEffect(() => {
    if (session && (path === '/' || path === '/login')) navigate('/decisions', true);
    if (!session && path !== '/login') navigate('/login', true);
  }, [session, path]);

  if (!session) return <LoginPage onDone={() => navigate('/decisions', true)} />;
  const { key, node } = page(path);
  const logout = async () => {
    await api.post('/api/staff/auth/logout').catch(() => undefined);
    setSession(null);
  };
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={180} theme="dark">
        <div className="lj-brand">{zhCN.app.title}</div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[key]}
          onClick={(e) => navigate(`/${e.key}`)}
          items={NAV.map((k) => ({ key: k, label: <span data-testid={`nav-${k}`}>{zhCN.app.nav[k]}</span> }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="lj-header">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {zhCN.app.nav[key as (typeof NAV)[number]]}
          </Typography.Title>
          <Space>
            <span data-testid="whoami">{session.staff.displayName}</span>
            <Tag color={session.staff.role === 'supervisor' ? 'purple' : 'blue'} data-testid="whoami-role">
              {zhCN.app.roles[session.staff.role]}
            </Tag>
            <Button size="small" onClick={logout} data-testid="logout">
              {zhCN.app.logout}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 16 }}>
          <Suspense fallback={<Spin />}>{node}</Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
