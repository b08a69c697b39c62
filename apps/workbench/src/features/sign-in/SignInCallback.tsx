import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuthConfig } from '../../auth/auth-config';
import { oidcManager } from '../../auth/oidc';
import { safeReturnTo } from '../../auth/return-to';
import { startSession } from '../../auth/session';
import { Alert } from '../../ui/Alert';
import { whoami } from './sign-in';

/** Where the OIDC provider sends the browser back with the authorization code. */
export function SignInCallback() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const config = useAuthConfig();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (config.data?.mode !== 'oidc') return;
    let cancelled = false;
    void (async () => {
      try {
        const manager = await oidcManager(config.data as Extract<typeof config.data, { mode: 'oidc' }>);
        const user = await manager.signinRedirectCallback();
        const actor = await whoami(user.access_token);
        if (cancelled) return;
        startSession({
          accessToken: user.access_token,
          expiresAt: (user.expires_at ?? 0) * 1000,
          actor,
          method: 'oidc',
        });
        const state = user.state as { returnTo?: string } | undefined;
        void navigate(safeReturnTo(state?.returnTo), { replace: true });
      } catch {
        if (!cancelled) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [config.data, navigate]);
  return (
    <main id="main-content" className="workbench-main grid-container">
      {failed ? (
        <Alert kind="error" heading={t('signIn.oidcFailed')}>
          <Link to="/sign-in">{t('signIn.tryAgain')}</Link>
        </Alert>
      ) : (
        <p role="status">{t('signIn.completing')}</p>
      )}
    </main>
  );
}
