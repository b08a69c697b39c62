import { z } from 'zod';
import * as contracts from './index';
import { findUnclassifiedFields } from './unclassified';

/** Every reply contract: the exports named `...Reply` that are schemas. */
const replies = (Object.entries(contracts) as Array<[string, unknown]>).filter(
  (entry): entry is [string, z.ZodType] => entry[0].endsWith('Reply') && entry[1] instanceof z.ZodType,
);

describe('reply contracts', () => {
  it('are found (one per kind of result, in every area)', () => {
    expect(replies.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'ComplaintCommandReply',
        'InvestigationCommandReply',
        'CollectionCommandReply',
        'AgreementViewReply',
        'ReferralResultReply',
        'FoiaRequestViewReply',
      ]),
    );
  });

  it.each(replies)('%s has no unclassified field', (_name, schema) => {
    expect(findUnclassifiedFields(schema)).toEqual([]);
  });
});
