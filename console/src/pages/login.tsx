import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../api/client';
import { setSession } from '../auth/session';
import { zhCN } from '../locale/zh-CN';

const t = zhCN.login;

interface Values {
  username: string;
  password: string;
  totp: string;
}

/** Staff sign-in: username, password and the current TOTP code (second factor). */
export function LoginPage({ onDone }: { onDone: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.post('/api/staff-login', { body: v });
      setSession({ token: r.token, expiresAt: r.expiresAt, staff: r.staff });
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="lj-login" data-testid="page-login">
      <Card title={`${zhCN.app.title} · ${t.title}`} style={{ width: 380 }}>
        <Form<Values> layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label={t.username} rules={[{ required: true, message: t.required }]}>
            <Input autoComplete="username" data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t.password} rules={[{ required: true, message: t.required }]}>
            <Input.Password autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Form.Item
            name="totp"
            label={t.totp}
            extra={t.totpHint}
            rules={[{ required: true, pattern: /^\d{6}$/, message: t.totpFormat }]}
          >
            <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" data-testid="login-totp" />
          </Form.Item>
          {error && (
            <Alert type="error" message={error} showIcon style={{ marginBottom: 16 }} data-testid="login-error" />
          )}
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t.submit}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
          {t.sandboxHint('/api/dev/staff-totp/<用户名>')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
