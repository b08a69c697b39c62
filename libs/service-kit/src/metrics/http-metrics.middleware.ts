import { Injectable, NestMiddleware } from '@nestjs/common';
import type {
  HttpRequest as Request,
  HttpResponse as Response,
  NextFn as NextFunction,
} from '../http/http-types';
import { Metrics } from './metrics';

/**
 * Observes every HTTP request. The route label is the matched pattern (`/api/v1/cases/:id`),
 * never the raw URL, so ids do not explode the label set.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: Metrics) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const end = this.metrics.httpRequestDuration.startTimer();
    res.once('finish', () => {
      const pattern = req.route?.path;
      const route = typeof pattern === 'string' ? req.baseUrl + pattern : 'unmatched';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  }
}
