import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'lse:public-route';

/**
 * Marks a controller or handler as reachable without authentication (health and metrics only).
 * Authentication guards must honour it; everything else is authenticated and authorized.
 */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
