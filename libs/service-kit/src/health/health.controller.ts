import { Controller, Get, Res } from '@nestjs/common';
import type { HttpResponse as Response } from '../http/http-types';
import { Public } from '../http/public.decorator';
import { HealthRegistry, ReadinessReport } from './health-registry';

@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  /** The process is up and its event loop turns; no dependency is consulted. */
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** 200 when no check fails readiness (see `failsReadiness`), 503 otherwise; every check is listed. */
  @Get('ready')
  // @Res without passthrough: Nest would otherwise reset the status to the route's 200.
  async ready(@Res() res: Response): Promise<void> {
    const report: ReadinessReport = await this.registry.run();
    res.setHeader('Cache-Control', 'no-store');
    res.status(report.status === 'ok' ? 200 : 503).json(report);
  }
}
