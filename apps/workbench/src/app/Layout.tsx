import { NavLink, Outlet, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuthConfig } from '../auth/auth-config';
import { oidcManager } from '../auth/oidc';
import { endSession, useSession } from '../auth/session';
import { LANGUAGES } from '../i18n';
import { navFor } from './nav';
import { useServiceDown } from './service-status';

/** Every signed-in page: skip link, header with the role's navigation, language and sign-out. */
export function Layout() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const down = useServiceDown();
  const authConfig = useAuthConfig();
  if (!session) return null;
  const signOut = async () => {
    const config = authConfig.data;
    endSession('signed_out');
    // With an OIDC provider, end its session too (it comes back to /sign-in?reason=signed_out).
    if (session.method === 'oidc' && config?.mode === 'oidc') {
      try {
        await (await oidcManager(config)).signoutRedirect();
        return;
      } catch {
        // The provider has no end-session endpoint: the local sign-out stands.
      }
    }
    void navigate('/sign-in?reason=signed_out');
  };
  return (
    <>
      <a className="usa-skipnav" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <header className="usa-header usa-header--basic border-bottom-1px border-base-lighter">
        <div className="usa-nav-container">
          <div className="usa-navbar">
            <div className="usa-logo">
              <em className="usa-logo__text">
                <NavLink to="/" title={t('app.name')}>
                  {t('app.name')}
                </NavLink>
              </em>
            </div>
          </div>
          <nav aria-label={t('nav.label')} className="usa-nav">
            <ul className="usa-nav__primary usa-accordion">
              {navFor(session.actor.role).map((item) => (
                <li className="usa-nav__primary-item" key={item.to}>
                  <NavLink
                    to={item.to}
                    end
                    className={({ isActive }) => `usa-nav-link${isActive ? ' usa-current' : ''}`}
                  >
                    <span>{t(item.label)}</span>
                  </NavLink>
                </li>
              ))}
            </ul>
            <div className="workbench-header-actions padding-y-1">
              <span className="font-body-2xs" data-testid="signed-in-as">
                {t('app.signedInAs', { id: session.actor.id, role: t(`roles.${session.actor.role}`) })}
                {session.actor.org ? ` · ${session.actor.org}` : ''}
              </span>
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
              <button
                type="button"
                className="usa-button usa-button--unstyled"
                onClick={() => void signOut()}
              >
                {t('app.signOut')}
              </button>
            </div>
          </nav>
        </div>
      </header>
      {down && (
        <section
          className="usa-site-alert usa-site-alert--emergency"
          aria-label={t('errors.unavailable.heading')}
        >
          <div className="usa-alert" role="alert">
            <div className="usa-alert__body">
              <p className="usa-alert__heading">{t('errors.unavailable.heading')}</p>
              <p className="usa-alert__text">{t('errors.unavailable.banner')}</p>
            </div>
          </div>
        </section>
      )}
      <main id="main-content" className="workbench-main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
