import { given, isoDate as d } from '@lse/domain';
import { UnknownStatuteError } from './errors';
import { base, decider, limitations, received } from '../test/events';
import { receivedComplaint } from '../test/fixtures';

describe('complaint decider', () => {
  describe('AssessLimitations', () => {
    it('FLSA: 2 years back from today; warns when fewer than 90 days remain', () => {
      given(decider, [received])
        .when({ ...base, type: 'AssessLimitations', statute: 'FLSA', willful: false })
        .then([{ type: 'LimitationsAssessed', data: limitations }]);
    });

    it('FLSA willful: 3 years, no warning', () => {
      given(decider, [received])
        .when({ ...base, type: 'AssessLimitations', statute: 'FLSA', willful: true })
        .then([
          {
            type: 'LimitationsAssessed',
            data: {
              statute: 'FLSA',
              periodYears: 3,
              willful: true,
              assessedOn: d('2026-01-16'),
              earliestRecoverableDate: d('2023-01-16'),
              expiresOn: d('2027-03-01'),
              daysRemaining: 409,
            },
          },
        ]);
    });

    it('uses state periods from configuration', () => {
      given(decider, [received])
        .when({ ...base, type: 'AssessLimitations', statute: 'CA Lab. Code 338', willful: false })
        .then([
          {
            type: 'LimitationsAssessed',
            data: {
              statute: 'CA Lab. Code 338',
              periodYears: 3,
              willful: false,
              assessedOn: d('2026-01-16'),
              earliestRecoverableDate: d('2023-01-16'),
              expiresOn: d('2027-03-01'),
              daysRemaining: 409,
            },
          },
        ]);
    });

    it('an ongoing violation older than the period is losing wages today: 0 days, expiring soon', () => {
      const old = receivedComplaint({
        allegations: [
          { type: 'minimum_wage', periodStart: d('2022-05-01'), ongoing: true, workersAffected: 3 },
        ],
      });
      given(decider, [{ type: 'ComplaintReceived', data: old }])
        .when({ ...base, type: 'AssessLimitations', statute: 'FLSA', willful: false })
        .then([
          {
            type: 'LimitationsAssessed',
            data: {
              statute: 'FLSA',
              periodYears: 2,
              willful: false,
              assessedOn: d('2026-01-16'),
              earliestRecoverableDate: d('2024-01-16'),
              expiresOn: d('2026-01-16'),
              daysRemaining: 0,
              warning: 'expiring_soon',
            },
          },
        ]);
    });

    it('violations that ended before the period are time-barred: negative days, expired', () => {
      const stale = receivedComplaint({
        allegations: [
          {
            type: 'unpaid_wages',
            periodStart: d('2021-01-04'),
            periodEnd: d('2023-06-30'),
            ongoing: false,
            workersAffected: 2,
          },
        ],
      });
      given(decider, [{ type: 'ComplaintReceived', data: stale }])
        .when({ ...base, type: 'AssessLimitations', statute: 'FLSA', willful: false })
        .then([
          {
            type: 'LimitationsAssessed',
            data: {
              statute: 'FLSA',
              periodYears: 2,
              willful: false,
              assessedOn: d('2026-01-16'),
              earliestRecoverableDate: d('2024-01-16'),
              expiresOn: d('2025-06-30'),
              daysRemaining: -200,
              warning: 'expired',
            },
          },
        ]);
    });

    it('refuses a statute with no configured period', () => {
      given(decider, [received])
        .when({ ...base, type: 'AssessLimitations', statute: 'NY Lab. Law 198', willful: false })
        .thenThrows(UnknownStatuteError);
    });
  });
});
