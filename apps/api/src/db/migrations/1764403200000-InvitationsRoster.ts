import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitations carry the invitee's organisation (shown in the roster for experts) and when the
 * mail was last sent; only the roles the lead may invite are stored.
 */
export class InvitationsRoster1764403200000 implements MigrationInterface {
  name = 'InvitationsRoster1764403200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE invitations ADD COLUMN organization text;
      ALTER TABLE invitations ADD COLUMN sent_count int NOT NULL DEFAULT 1;
      ALTER TABLE invitations ADD COLUMN last_sent_at timestamptz NOT NULL DEFAULT now();
      ALTER TABLE invitations ADD CONSTRAINT invitations_role_check CHECK (role IN ('expert','center_reviewer','coordinator'));
      ALTER TABLE invitations ADD CONSTRAINT invitations_email_lower CHECK (email = lower(email));
      CREATE INDEX invitations_user_idx ON invitations (user_id) WHERE user_id IS NOT NULL;
      CREATE INDEX invitations_state_idx ON invitations (state, expires_at);
      CREATE INDEX member_applications_admitted_idx ON member_applications (id) WHERE state = 'admitted';
      CREATE INDEX council_applications_admitted_idx ON council_applications (id) WHERE state = 'admitted';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX council_applications_admitted_idx, member_applications_admitted_idx, invitations_state_idx, invitations_user_idx;
      ALTER TABLE invitations DROP CONSTRAINT invitations_email_lower, DROP CONSTRAINT invitations_role_check,
        DROP COLUMN last_sent_at, DROP COLUMN sent_count, DROP COLUMN organization;
    `);
  }
}
