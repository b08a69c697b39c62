import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

/**
 * Trigram indexes over the distinct employer names and addresses (employer_terms), not over every
 * case's row. A GIN index on employer_index took an entry for every trigram of every complaint's
 * employer name and address, on the path of every complaint received, so the many complaints about
 * one employer wrote the same trigrams again and again. Now a term is indexed once, when first seen,
 * and the rows are found from the matching terms by plain b-tree indexes. Triggers keep the terms,
 * so every path that writes a name or an address (the projector, the investigation's employers,
 * updates) keeps them without knowing.
 */
export class EmployerTerms1769500001000 implements MigrationInterface {
  name = 'EmployerTerms1769500001000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`
      CREATE TABLE "${s}".employer_terms (
        kind text NOT NULL CHECK (kind IN ('name', 'address')),
        term text NOT NULL,
        PRIMARY KEY (kind, term)
      );
      INSERT INTO "${s}".employer_terms (kind, term)
        SELECT 'name', normalized_name FROM "${s}".employer_index
        UNION SELECT 'address', normalized_address FROM "${s}".employer_index
        UNION SELECT 'name', normalized_name FROM "${s}".case_employers
        UNION SELECT 'address', normalized_address FROM "${s}".case_employers;
      CREATE INDEX employer_terms_trgm ON "${s}".employer_terms USING gin (term public.gin_trgm_ops);

      CREATE FUNCTION "${s}".keep_employer_terms() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO "${s}".employer_terms (kind, term)
        VALUES ('name', NEW.normalized_name), ('address', NEW.normalized_address)
        ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$;
      CREATE TRIGGER keep_employer_terms AFTER INSERT OR UPDATE OF normalized_name, normalized_address
        ON "${s}".employer_index FOR EACH ROW EXECUTE FUNCTION "${s}".keep_employer_terms();
      CREATE TRIGGER keep_employer_terms AFTER INSERT OR UPDATE OF normalized_name, normalized_address
        ON "${s}".case_employers FOR EACH ROW EXECUTE FUNCTION "${s}".keep_employer_terms();

      DROP INDEX "${s}".employer_index_name_trgm;
      DROP INDEX "${s}".employer_index_address_trgm;
      DROP INDEX "${s}".case_employers_name_trgm;
      DROP INDEX "${s}".case_employers_address_trgm;
      CREATE INDEX employer_index_address ON "${s}".employer_index (normalized_address);
      CREATE INDEX case_employers_name ON "${s}".case_employers (normalized_name);
      CREATE INDEX case_employers_address ON "${s}".case_employers (normalized_address);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`
      DROP INDEX "${s}".case_employers_address;
      DROP INDEX "${s}".case_employers_name;
      DROP INDEX "${s}".employer_index_address;
      CREATE INDEX case_employers_name_trgm ON "${s}".case_employers USING gin (normalized_name public.gin_trgm_ops);
      CREATE INDEX case_employers_address_trgm ON "${s}".case_employers USING gin (normalized_address public.gin_trgm_ops);
      CREATE INDEX employer_index_name_trgm ON "${s}".employer_index USING gin (normalized_name public.gin_trgm_ops);
      CREATE INDEX employer_index_address_trgm ON "${s}".employer_index USING gin (normalized_address public.gin_trgm_ops);
      DROP TRIGGER keep_employer_terms ON "${s}".case_employers;
      DROP TRIGGER keep_employer_terms ON "${s}".employer_index;
      DROP FUNCTION "${s}".keep_employer_terms();
      DROP TABLE "${s}".employer_terms;
    `);
  }
}
