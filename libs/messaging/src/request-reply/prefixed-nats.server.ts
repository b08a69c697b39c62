import type { MessageHandler } from '@nestjs/microservices';
import { ServerNats } from '@nestjs/microservices';
import { prefixedSubject } from '@lse/contracts';

type NatsServerOptions = ConstructorParameters<typeof ServerNats>[0];

/**
 * Nest's NATS transport, serving every `@MessagePattern` under an optional subject prefix
 * (`NATS_SUBJECT_PREFIX`), so deployments or test runs sharing a NATS cluster stay apart.
 */
export class PrefixedNatsServer extends ServerNats {
  constructor(
    options: NatsServerOptions,
    private readonly subjectPrefix: string,
  ) {
    super(options);
  }

  override addHandler(
    pattern: unknown,
    callback: MessageHandler,
    isEventHandler = false,
    extras: Record<string, unknown> = {},
  ): void {
    super.addHandler(
      prefixedSubject(this.subjectPrefix, this.normalizePattern(pattern as string)),
      callback,
      isEventHandler,
      extras,
    );
  }
}
