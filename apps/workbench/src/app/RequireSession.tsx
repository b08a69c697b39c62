import { Navigate, Outlet, useLocation } from 'react-router';
import { sessionEndReason, useSession, type Role } from '../auth/session';

/** Routes behind sign-in: without a session, to sign-in, and back here afterwards. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const returnTo = `${location.pathname}${location.search}`;
    const reason = sessionEndReason();
    const params = new URLSearchParams({ returnTo });
    if (reason) params.set('reason', reason);
    return <Navigate to={`/sign-in?${params.toString()}`} replace />;
  }
  return <Outlet />;
}

/** A screen only some roles may use; others see why, never the screen. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: React.ReactNode }) {
  const session = useSession();
  if (!session || !roles.includes(session.actor.role)) return <Navigate to="/no-access" replace />;
  return <>{children}</>;
}
