/** An event contract as `eventBuilder` reads it: an `EventDefinition` of @lse/contracts. */
interface EventContract {
  readonly version: number;
  parse(schemaVersion: number, data: unknown): unknown;
}

/** The data a contract takes (dates as plain strings) and the typed data it gives. */
type DataIn<C> = C extends { create(input: { data: infer I }): unknown } ? I : never;
type DataOut<C> = C extends { parse(schemaVersion: number, data: unknown): infer O } ? O : never;

/**
 * Typed events for specs, built through their contracts: `event('PaymentReceived', {...})` takes
 * the data as JSON would carry it, checks it as the store does, and is typed as that very event,
 * so past events need no casts and a fixture the contract refuses fails the spec.
 * `const event = eventBuilder(COLLECTION_EVENTS)`.
 */
export function eventBuilder<Contracts extends Readonly<Record<string, EventContract>>>(
  contracts: Contracts,
) {
  return <T extends keyof Contracts & string>(
    type: T,
    data: DataIn<Contracts[T]>,
  ): { type: T; data: DataOut<Contracts[T]> } => {
    const contract = contracts[type];
    return { type, data: contract.parse(contract.version, data) as DataOut<Contracts[T]> };
  };
}
