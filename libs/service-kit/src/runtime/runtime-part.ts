/** What a service runtime starts after the app is up and stops before the connections close. */
export interface RuntimePart {
  start(): void | Promise<void>;
  stop(): void | Promise<void>;
}
