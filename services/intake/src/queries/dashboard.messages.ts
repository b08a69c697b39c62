import { Controller, Inject, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DashboardQuery, REPORT_PATTERNS } from '@lse/contracts';
import { utcDateOf, type Clock } from '@lse/domain';
import { Metrics, replyTo } from '@lse/service-kit';
import type { DataSource } from 'typeorm';
import { INTAKE_CONFIG, policyFromConfig, type IntakeConfig } from '../config';
import { intakeDashboard } from '../read-models/dashboard/intake-dashboard';
import { CLOCK, INTAKE_DATA_SOURCE } from '../tokens';

/** Intake's part of the manager dashboard (`intake.dashboard`): counts and durations only. */
@Controller()
export class DashboardMessages {
  private readonly logger = new Logger('Intake');

  constructor(
    private readonly metrics: Metrics,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(INTAKE_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
  ) {}

  @MessagePattern(REPORT_PATTERNS.intakeDashboard)
  dashboard(@Payload() payload: unknown) {
    return replyTo(this.metrics, this.logger, REPORT_PATTERNS.intakeDashboard, payload, (env) =>
      intakeDashboard(
        this.dataSource,
        this.config.INTAKE_SCHEMA,
        DashboardQuery.parse(env.data),
        utcDateOf(this.clock.now()),
        policyFromConfig(this.config).targetedIndustries,
      ),
    );
  }
}
