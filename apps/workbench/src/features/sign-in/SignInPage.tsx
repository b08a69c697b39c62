import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useAuthConfig, type AuthConfig } from '../../auth/auth-config';
import { oidcManager } from '../../auth/oidc';
import { safeReturnTo } from '../../auth/return-to';
import { startSession, type Role } from '../../auth/session';
import { LANGUAGES } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { Field } from '../../ui/Field';
import { PageTitle } from '../../ui/PageTitle';
import { homeFor } from '../../app/nav';
import { developmentSession, type FieldErrors } from './sign-in';

const ROLES: readonly Role[] = [
  'intake_officer',
  'investigator',
  'supervisor',
  'collections_officer',
  'auditor',
  'foia_officer',
  'partner_liaison',
  'partner',
  'admin',
];

/**
 * Sign-in. With an OIDC provider (production): one button, authorization code with PKCE. In
 * development mode only: pick a role, a user and (for a partner) an organization.
 */
export function SignInPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const config = useAuthConfig();
  const reason = params.get('reason');
  const returnTo = params.get('returnTo');
  return (
    <main id="main-content" className="workbench-main grid-container">
      <div className="display-flex flex-justify-end">
        <div
          className="usa-button-group usa-button-group--segmented"
          role="group"
          aria-label={t('app.language')}
        >
          {LANGUAGES.map((lng) => (
            <button
              key={lng}
              type="button"
              lang={lng}
              className={`usa-button usa-button--small${i18n.language === lng ? '' : ' usa-button--outline'}`}
              aria-pressed={i18n.language === lng}
              onClick={() => void i18n.changeLanguage(lng)}
            >
              {t(`languages.${lng}`)}
            </button>
          ))}
        </div>
      </div>
      <div className="grid-row">
        <div className="grid-col-12 tablet:grid-col-8 desktop:grid-col-6">
          <PageTitle subtitle={t('app.name')}>{t('signIn.title')}</PageTitle>
          {reason === 'expired' && (
            <Alert kind="info" heading={t('signIn.expired.heading')}>
              {t('signIn.expired.body')}
            </Alert>
          )}
          {reason === 'signed_out' && (
            <Alert kind="success" slim>
              {t('signIn.signedOut')}
            </Alert>
          )}
          {config.isPending && <p>{t('common.loading')}</p>}
          {config.isError && (
            <Alert kind="error" heading={t('errors.unavailable.heading')}>
              {t('signIn.configUnavailable')}
            </Alert>
          )}
          {config.data?.mode === 'oidc' && <OidcSignIn config={config.data} returnTo={returnTo} />}
          {config.data?.mode === 'development' && <DevelopmentSignInForm returnTo={returnTo} />}
        </div>
      </div>
    </main>
  );
}

function OidcSignIn({
  config,
  returnTo,
}: {
  config: Extract<AuthConfig, { mode: 'oidc' }>;
  returnTo: string | null;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState(false);
  const signIn = async () => {
    try {
      const manager = await oidcManager(config);
      await manager.signinRedirect({ state: { returnTo: safeReturnTo(returnTo) } });
    } catch {
      setError(true);
    }
  };
  return (
    <>
      <p>{t('signIn.oidcIntro')}</p>
      {error && <Alert kind="error">{t('signIn.oidcFailed')}</Alert>}
      <button type="button" className="usa-button usa-button--big" onClick={() => void signIn()}>
        {t('signIn.oidcButton')}
      </button>
    </>
  );
}

function DevelopmentSignInForm({ returnTo }: { returnTo: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [role, setRole] = useState<Role>('intake_officer');
  const [subject, setSubject] = useState('');
  const [org, setOrg] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: FieldErrors = {};
    if (!subject.trim()) local.subject = t('signIn.dev.subjectRequired');
    if (role === 'partner' && !org.trim()) local.org = t('signIn.dev.orgRequired');
    setErrors(local);
    setFailure(undefined);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const result = await developmentSession({
        role,
        subject: subject.trim(),
        org: org.trim() || undefined,
      });
      if ('errors' in result) {
        setErrors(result.errors);
        setFailure(result.detail);
        return;
      }
      startSession(result);
      void navigate(returnTo ? safeReturnTo(returnTo) : homeFor(result.actor.role), { replace: true });
    } catch {
      setFailure(t('signIn.configUnavailable'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Alert kind="warning" heading={t('signIn.dev.heading')} headingLevel="h2">
        {t('signIn.dev.body')}
      </Alert>
      {failure && <Alert kind="error">{failure}</Alert>}
      <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('signIn.dev.role')} error={errors.role}>
          <select
            className="usa-select"
            name="role"
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t('signIn.dev.subject')}
          hint={t('signIn.dev.subjectHint')}
          error={errors.subject}
          required
        >
          <input
            className="usa-input"
            name="subject"
            autoComplete="username"
            value={subject}
            onChange={(e) => setSubject(e.target.value)}
          />
        </Field>
        {role === 'partner' && (
          <Field label={t('signIn.dev.org')} hint={t('signIn.dev.orgHint')} error={errors.org} required>
            <input
              className="usa-input"
              name="org"
              autoComplete="organization"
              value={org}
              onChange={(e) => setOrg(e.target.value)}
            />
          </Field>
        )}
        <button type="submit" className="usa-button margin-top-3" disabled={busy}>
          {busy ? t('signIn.signingIn') : t('signIn.submit')}
        </button>
      </form>
    </>
  );
}
