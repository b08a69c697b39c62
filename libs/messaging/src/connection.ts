/**
 * Options for a service's long-lived NATS connections (relay, durable consumers). The client's
 * defaults give up after 10 reconnect attempts 2 s apart: a nats-server down for longer than
 * that (a restart, an upgrade, a partition) would leave the connection closed for good and the
 * relay and consumers stopped until someone restarted the process. These never give up.
 */
export const RECONNECT_FOREVER = {
  reconnect: true,
  maxReconnectAttempts: -1,
  reconnectTimeWait: 500,
} as const;
