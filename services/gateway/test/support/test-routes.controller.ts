import { Controller, Get, HttpCode, Logger, Param, Post } from '@nestjs/common';
import { DomainError } from '@lse/service-kit';
import { z } from 'zod';
import { AnyRole, Roles } from '../../src/auth/roles.decorator';
import { CurrentActor } from '../../src/auth/current-actor.decorator';
import type { Actor } from '../../src/auth/roles';
import { ValidBody } from '../../src/http/zod.pipe';
import { CallCtx } from '../../src/services/call-context.decorator';
import { CallContext, ServicesClient } from '../../src/services/services-client';

export const EchoSchema = z.object({ name: z.string().min(1), count: z.number().int().positive() });

/** Routes that exist only in tests; `calls` counts handler invocations. */
@Controller('api/v1/test')
export class TestRoutesController {
  static calls = 0;
  private readonly logger = new Logger('TestRoutes');

  constructor(private readonly services: ServicesClient) {}

  @Post('supervisor-only')
  @Roles('supervisor')
  supervisorOnly(@CurrentActor() actor: Actor) {
    return actor;
  }

  @Get('no-roles')
  noRoles() {
    return { reached: true };
  }

  @Post('echo')
  @AnyRole()
  echo(@ValidBody(EchoSchema) body: z.infer<typeof EchoSchema>, @CurrentActor() actor: Actor) {
    TestRoutesController.calls += 1;
    this.logger.log({ complainant: { name: body.name, phone: '555-0100' } }, 'echo handled');
    return { echoed: body, by: actor.id, invocation: TestRoutesController.calls };
  }

  @Post('slow')
  @HttpCode(202)
  @AnyRole()
  async slow() {
    TestRoutesController.calls += 1;
    await new Promise((r) => setTimeout(r, 400));
    return { invocation: TestRoutesController.calls };
  }

  @Post('fails')
  @AnyRole()
  fails() {
    TestRoutesController.calls += 1;
    throw new DomainError('invalid_transition', 'The complaint is closed.');
  }

  @Get('boom')
  @AnyRole()
  boom() {
    throw new Error('database said: duplicate key (email)=(maria@example.org)');
  }

  @Get('domain/:code')
  @AnyRole()
  domain(@Param('code') code: string) {
    throw new DomainError(code, `domain error ${code}`);
  }

  @Get('call/:pattern')
  @AnyRole()
  call(@Param('pattern') pattern: string, @CallCtx() ctx: CallContext) {
    return this.services.call(pattern, { hello: 'world' }, ctx);
  }
}
