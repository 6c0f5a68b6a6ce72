import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the application lists' filters at national scale (bench/README.md, "Lists").
 * The lists join schools (type, honors) and departments (category) and filter on the state;
 * without these, a count or a page of member applications reads the whole wide table
 * (about 100 MB for 100,000 rows) or walks it in id order checking each row's school.
 * - (state, school_id, department_id, id): a state's applications as an index-only scan that
 *   hash-joins the filtered schools and departments;
 * - (school_id, state, department_id, id): the applications of a few filtered schools;
 * - departments (category, id): the departments of a category as an index-only scan.
 */
export class ListFilterIndexes1764480000000 implements MigrationInterface {
  name = 'ListFilterIndexes1764480000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX member_applications_state_filter_idx ON member_applications (state, school_id, department_id, id);
      CREATE INDEX member_applications_school_filter_idx ON member_applications (school_id, state, department_id, id);
      CREATE INDEX departments_category_id_idx ON departments (category, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX departments_category_id_idx, member_applications_school_filter_idx, member_applications_state_filter_idx`);
  }
}
