// Log in with email and password; the server sets the session and CSRF cookies.
// The login page is a first screen: it is plain HTML inputs styled like antd's, validated here, and the shell's Button —
// antd's Form, Input and Alert weighed 45 kB gzipped on the first screen.
import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useState, type CSSProperties, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../api/client';
import { useLoginMutation } from '../api/identity';
import { currentLang, setLang } from '../i18n';
import { errorText } from '../lib/errors';

/** Only same-site paths are followed after login. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const box: CSSProperties = { display: 'flex', alignItems: 'center', gap: 8, border: '1px solid #d9d9d9', borderRadius: 6, padding: '4px 11px', background: '#fff' };
const input: CSSProperties = { border: 'none', outline: 'none', flex: 1, fontSize: 14, lineHeight: '22px', padding: 0, background: 'transparent', minWidth: 0 };

function Field({ id, label, icon, error, children }: { id: string; label: string; icon: ReactNode; error: string | null; children: ReactNode }) {
  return (
    <div style={{ marginBottom: 20 }}>
      <label htmlFor={id} style={{ display: 'block', paddingBottom: 8 }}>{label}</label>
      <div style={{ ...box, borderColor: error ? '#ff4d4f' : '#d9d9d9' }}>
        <span style={{ color: 'rgba(0,0,0,0.45)' }}>{icon}</span>
        {children}
      </div>
      {error && <div role="alert" style={{ color: '#ff4d4f', marginTop: 4 }} data-testid={`${id}-error`}>{error}</div>}
    </div>
  );
}

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const login = useLoginMutation();
  const emailError = !touched ? null : !email.trim() ? t('login.emailRequired') : !EMAIL.test(email.trim()) ? t('login.emailInvalid') : null;
  const passwordError = touched && !password ? t('login.passwordRequired') : null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!email.trim() || !EMAIL.test(email.trim()) || !password) return;
    setError(null);
    login.mutate({ email: email.trim(), password }, {
      onSuccess: () => void navigate(safeNext(params.get('next')), { replace: true }),
      onError: (err) => setError(isApiError(err) && err.status === 401 ? t('login.failed') : errorText(t, err)),
    });
  };

  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: '#f5f7fa' }}>
      <div style={{ width: '100%', maxWidth: 400, background: '#fff', border: '1px solid #f0f0f0', borderRadius: 8, padding: 24 }}>
        <Flex justify="space-between" align="start">
          <div>
            <h3 style={{ marginTop: 0, marginBottom: 4, fontSize: 24, fontWeight: 600 }}>{t('login.title')}</h3>
            <p style={{ color: 'rgba(0, 0, 0, 0.45)', marginTop: 0 }}>{t('login.subtitle')}</p>
          </div>
          <Button type="link" size="small" data-testid="lang-switch" onClick={() => setLang(currentLang() === 'zh-CN' ? 'en' : 'zh-CN')}>
            {t('header.switchLang')}
          </Button>
        </Flex>
        {error && (
          <div role="alert" data-testid="login-error" style={{ marginBottom: 16, padding: '8px 12px', border: '1px solid #ffccc7', background: '#fff2f0', borderRadius: 8 }}>
            {error}
          </div>
        )}
        <form onSubmit={onSubmit} noValidate>
          <Field id="login-email" label={t('login.email')} icon={<MailOutlined />} error={emailError}>
            <input id="login-email" type="email" style={input} value={email} onChange={(e) => setEmail(e.target.value)}
              autoComplete="username" autoFocus aria-invalid={!!emailError} data-testid="login-email" />
          </Field>
          <Field id="login-password" label={t('login.password')} icon={<LockOutlined />} error={passwordError}>
            <input id="login-password" type="password" style={input} value={password} onChange={(e) => setPassword(e.target.value)}
              autoComplete="current-password" aria-invalid={!!passwordError} data-testid="login-password" />
          </Field>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </form>
      </div>
    </Flex>
  );
}
