// The page of a one-time link (/set-password#token): whose account, then a new password, then logged in. No session.
import { Alert, Button, Card, Flex, Form, Input, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { usePasswordLink, useSetPasswordMutation } from '../../api/admin';
import { useLoginMutation } from '../../api/identity';
import { errorText } from '../../lib/errors';

export default function SetPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // the token rides in the fragment: never sent to a server in a Referer or an access log
  const token = typeof window !== 'undefined' ? window.location.hash.replace(/^#/, '') : '';
  const link = usePasswordLink(token);
  const setPassword = useSetPasswordMutation({ silent: true });
  const login = useLoginMutation();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const submit = (v: { password: string }) => setPassword.mutate({ token, password: v.password }, {
    onSuccess: (r) => login.mutate({ email: r.email, password: v.password }, {
      onSuccess: () => void navigate('/', { replace: true }),
      onError: () => void navigate('/login', { replace: true }),
    }),
  });
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: '#f5f7fa' }}>
      <Card style={{ width: '100%', maxWidth: 420 }} title={t('setPassword.title')}>
        {link.isError || !token ? (
          <Result status="warning" title={t('setPassword.invalid')} extra={<Button onClick={() => void navigate('/login')}>{t('setPassword.toLogin')}</Button>} />
        ) : (
          <>
            {link.data && (
              <Typography.Paragraph>
                {t(link.data.purpose === 'invite' ? 'setPassword.invite' : 'setPassword.reset', { tenant: link.data.tenantName })}<br />
                <Typography.Text type="secondary" data-testid="set-password-account">{t('setPassword.account', { email: link.data.email })}</Typography.Text>
              </Typography.Paragraph>
            )}
            {setPassword.isError && <Alert type="error" showIcon title={errorText(t, setPassword.error)} style={{ marginBottom: 12 }} />}
            <Form form={form} layout="vertical" onFinish={submit}>
              <Form.Item name="password" label={t('setPassword.password')} rules={[{ required: true }, { min: 8, message: t('setPassword.min') }]}>
                <Input.Password autoComplete="new-password" data-testid="set-password" />
              </Form.Item>
              <Form.Item name="confirm" label={t('setPassword.confirm')} dependencies={['password']} rules={[{ required: true }, ({ getFieldValue }) => ({
                validator: (_, v) => (v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('setPassword.mismatch')))),
              })]}>
                <Input.Password autoComplete="new-password" data-testid="set-password-confirm" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={setPassword.isPending || login.isPending} disabled={!link.data} data-testid="set-password-submit">
                {t('setPassword.submit')}
              </Button>
            </Form>
          </>
        )}
      </Card>
    </Flex>
  );
}
