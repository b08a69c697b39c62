import { Outlet } from 'react-router';
import { useMay } from '../auth/may';
import { NoAccess } from './NoAccess';

/**
 * Screens that read through one operation: a role that may not call it gets the no-access page
 * at the same address, and the screen never loads nor asks the API (a partner user who types a
 * staff URL is told so, without a request that would only be refused).
 */
export function RequireAccess({ operation }: { operation: string }) {
  return useMay(operation) ? <Outlet /> : <NoAccess />;
}
