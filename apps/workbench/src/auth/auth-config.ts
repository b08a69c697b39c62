import { useQuery } from '@tanstack/react-query';

/** How the gateway wants people to sign in (GET /api/v1/auth/config, public). */
export type AuthConfig =
  { mode: 'development' } | { mode: 'oidc'; authority: string; clientId: string; scope: string };

export async function fetchAuthConfig(): Promise<AuthConfig> {
  const response = await fetch('/api/v1/auth/config', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`auth config: HTTP ${response.status}`);
  return (await response.json()) as AuthConfig;
}

export function useAuthConfig() {
  return useQuery({ queryKey: ['auth-config'], queryFn: fetchAuthConfig, staleTime: Infinity, retry: 2 });
}
