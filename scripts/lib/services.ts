/**
 * The services `npm start` runs, each as its own process, in start order. A service added
 * under services/ is added here (and to scripts/migrate.ts when it has migrations).
 */
export interface ServiceSpec {
  name: string;
  main: string;
  /** Environment variable naming the port of its HTTP endpoint (health, metrics, API). */
  portVariable: string;
  defaultPort: number;
}

export const SERVICES: readonly ServiceSpec[] = [
  {
    name: 'intake',
    main: 'services/intake/src/main.ts',
    portVariable: 'INTAKE_HTTP_PORT',
    defaultPort: 3101,
  },
  {
    name: 'investigation',
    main: 'services/investigation/src/main.ts',
    portVariable: 'INVESTIGATION_HTTP_PORT',
    defaultPort: 3102,
  },
  { name: 'audit', main: 'services/audit/src/main.ts', portVariable: 'AUDIT_HTTP_PORT', defaultPort: 3105 },
  {
    name: 'partners',
    main: 'services/partners/src/main.ts',
    portVariable: 'PARTNERS_HTTP_PORT',
    defaultPort: 3104,
  },
  {
    name: 'collections',
    main: 'services/collections/src/main.ts',
    portVariable: 'COLLECTIONS_HTTP_PORT',
    defaultPort: 3103,
  },
  { name: 'gateway', main: 'services/gateway/src/main.ts', portVariable: 'GATEWAY_PORT', defaultPort: 3000 },
];

/**
 * What a local run (`npm start`, the test systems) adds to every service's environment: the
 * gateway accepts tokens from the development issuer (`npm run token`) only when asked
 * (AUTH_MODE=development), unless a real issuer is configured in the environment.
 */
export function localAuthEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  if (env.AUTH_MODE || env.AUTH_JWKS_URL || env.AUTH_PUBLIC_KEY_FILE) return {};
  return { AUTH_MODE: 'development' };
}
