import type { UserManager } from 'oidc-client-ts';
import type { AuthConfig } from './auth-config';

/**
 * Authorization code with PKCE against the provider the gateway names (AUTH_OIDC_AUTHORITY).
 * oidc-client-ts is loaded only when a provider is configured, so development sign-in does not
 * ship it; its own state (PKCE verifier, user) is kept in sessionStorage, never localStorage.
 */
let manager: Promise<UserManager> | undefined;

export function oidcManager(config: Extract<AuthConfig, { mode: 'oidc' }>): Promise<UserManager> {
  manager ??= import('oidc-client-ts').then(
    ({ UserManager, WebStorageStateStore }) =>
      new UserManager({
        authority: config.authority,
        client_id: config.clientId,
        scope: config.scope,
        response_type: 'code',
        redirect_uri: `${window.location.origin}/sign-in/callback`,
        post_logout_redirect_uri: `${window.location.origin}/sign-in?reason=signed_out`,
        userStore: new WebStorageStateStore({ store: window.sessionStorage }),
        stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
        automaticSilentRenew: false,
      }),
  );
  return manager;
}
