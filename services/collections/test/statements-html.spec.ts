import { collectionDecider, workerStatement } from '@lse/collections-domain';
import { CASE, opening, W1 } from '@lse/collections-domain/test/fixtures';
import { replay } from '@lse/domain';
import { renderWorkerStatement } from '../src/statements/render-html';

const contact = {
  name: 'Office of Labor Standards Enforcement',
  phone: '555-0100',
  email: 'wages@agency.example',
  address: '1 Dr Carlton B Goodlett Pl <Room 430>',
};
const state = replay(collectionDecider(), [{ type: 'CollectionCaseOpened', data: opening() }]);

describe("the printable worker's statement", () => {
  it("is written in Spanish for a worker whose preferred language is Spanish, with the agency's contact and what comes next", () => {
    const html = renderWorkerStatement(
      workerStatement(state, CASE, W1, '2026-03-01', [], { preferredLanguage: 'es', contact }),
    );
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('Sus salarios adeudados');
    expect(html).toContain('Qué sigue');
    expect(html).toContain('Todavía estamos cobrando $1,000.00 al empleador');
    expect(html).toContain('La ley prohíbe que un empleador lo despida');
    expect(html).toContain('Cómo comunicarse con nosotros');
    expect(html).toContain('555-0100');
    expect(html).toContain('wages@agency.example');
    expect(html).toContain('&lt;Room 430&gt;');
    expect(html).not.toContain('Your back wages');
  });

  it('is in English otherwise, with the same contact and steps', () => {
    const html = renderWorkerStatement(
      workerStatement(state, CASE, W1, '2026-03-01', [], { preferredLanguage: 'tl', contact }),
    );
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Your back wages');
    expect(html).toContain('What happens next');
    expect(html).toContain('We are still collecting $1,000.00 from the employer');
    expect(html).toContain('How to reach us');
    expect(html).toContain('555-0100');
  });
});
