import { Outlet } from 'react-router';
import { useSession } from '../auth/session';
import { NoAccess } from './NoAccess';

/**
 * Agency staff's screens. A partner user (an outside organization) who types one's address gets
 * the no-access page at that address, and the screen never loads nor asks the API. Staff in a
 * role that may not use a screen still get the screen's own answer (a 403 naming who may).
 */
export function StaffOnly() {
  return useSession()?.actor.role === 'partner' ? <NoAccess /> : <Outlet />;
}
