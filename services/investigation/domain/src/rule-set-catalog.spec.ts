import { ValidationError } from '@lse/domain';
import { FLSA_RULE_SET } from '@lse/wage-rules';
import {
  catalogOf,
  decideRuleSetCatalog,
  evolveRuleSetCatalog,
  initialRuleSetCatalog,
  type PublishRuleSetVersion,
} from './rule-set-catalog';
import { NotPermittedError } from './errors';

const publish = (
  role: PublishRuleSetVersion['actor']['role'],
  version = '2026-07-01',
): PublishRuleSetVersion => ({
  type: 'PublishRuleSetVersion',
  actor: { id: 'sue@agency.gov', role },
  now: '2026-06-01T12:00:00Z',
  ruleSet: { ...FLSA_RULE_SET, version },
  effectiveFrom: '2026-07-01' as PublishRuleSetVersion['effectiveFrom'],
  reason: 'New table.',
});

describe('the rule-set catalog decider (issue 17 item 6)', () => {
  it('a supervisor or an admin publishes; the version joins the shipped ones with who and why', () => {
    for (const role of ['supervisor', 'admin'] as const) {
      const events = decideRuleSetCatalog(publish(role), initialRuleSetCatalog);
      expect(events).toEqual([
        {
          type: 'RuleSetVersionPublished',
          data: expect.objectContaining({
            ruleSetId: 'US-FLSA',
            version: '2026-07-01',
            publishedBy: 'sue@agency.gov',
          }),
        },
      ]);
      const state = events.reduce(evolveRuleSetCatalog, initialRuleSetCatalog);
      expect(
        catalogOf(state)
          .versions('US-FLSA')
          .map((v) => v.ruleSet.version),
      ).toEqual(['2009-07-24', '2026-07-01']);
    }
  });

  it('refuses an investigator, a version published before and a malformed rule set', () => {
    expect(() => decideRuleSetCatalog(publish('investigator'), initialRuleSetCatalog)).toThrow(
      NotPermittedError,
    );
    const state = decideRuleSetCatalog(publish('admin'), initialRuleSetCatalog).reduce(
      evolveRuleSetCatalog,
      initialRuleSetCatalog,
    );
    expect(() => decideRuleSetCatalog(publish('admin'), state)).toThrow(ValidationError);
    expect(() => decideRuleSetCatalog(publish('admin', '2009-07-24'), initialRuleSetCatalog)).toThrow(
      ValidationError,
    );
    const broken = { ...publish('admin', 'x'), ruleSet: { id: 'US-FLSA', version: 'x' } };
    expect(() => decideRuleSetCatalog(broken, initialRuleSetCatalog)).toThrow(ValidationError);
  });
});
