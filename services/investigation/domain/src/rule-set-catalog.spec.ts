import { given } from '@lse/domain';
import { FLSA_RULE_SET } from '@lse/wage-rules';
import {
  catalogOf,
  decideRuleSetCatalog,
  evolveRuleSetCatalog,
  initialRuleSetCatalog,
  ruleSetCatalogDecider,
  type PublishRuleSetVersion,
} from './rule-set-catalog';

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

  it('refuses an investigator publishing', () =>
    given(ruleSetCatalogDecider).when(publish('investigator')).thenThrows('not_a_publisher'));

  it('refuses a version published before', () => {
    const published = decideRuleSetCatalog(publish('admin'), initialRuleSetCatalog);
    given(ruleSetCatalogDecider, published).when(publish('admin')).thenThrows('version_exists');
  });

  it('refuses a version shipped with the product', () =>
    given(ruleSetCatalogDecider).when(publish('admin', '2009-07-24')).thenThrows('version_exists'));

  it('refuses a malformed rule set', () =>
    given(ruleSetCatalogDecider)
      .when({ ...publish('admin', 'x'), ruleSet: { id: 'US-FLSA', version: 'x' } })
      .thenThrows('malformed_rule_set'));
});
