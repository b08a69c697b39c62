import { eventRegistry, findUnclassifiedFields, AUDIT_EVENTS } from '@lse/contracts';
import { REPLAYERS } from './replayers';

describe('audit covers every stream category by construction', () => {
  it('has a replayer for every category registered in libs/contracts', () => {
    const categories = [...new Set(eventRegistry.list().map((d) => d.category))].sort();
    const missing = categories.filter((c) => !REPLAYERS.has(c));
    // A new service's categories need an entry in services/audit/src/replay/replayers.ts.
    expect(missing).toEqual([]);
  });

  it("audit's own events have no unclassified field", () => {
    for (const definition of Object.values(AUDIT_EVENTS))
      expect(findUnclassifiedFields(definition.schema)).toEqual([]);
  });
});
