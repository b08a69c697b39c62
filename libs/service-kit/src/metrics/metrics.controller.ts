import { Controller, Get, Res } from '@nestjs/common';
import type { HttpResponse as Response } from '../http/http-types';
import { Public } from '../http/public.decorator';
import { Metrics } from './metrics';

@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  async scrape(@Res() res: Response): Promise<void> {
    const { contentType, body } = await this.metrics.exposition();
    res.setHeader('Content-Type', contentType);
    res.send(body);
  }
}
