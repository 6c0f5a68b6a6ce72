import { MigrationInterface, QueryRunner } from 'typeorm';

const STATES = `'draft','submitted','school_approved','center_reviewed','admitted','returned','rejected','withdrawn'`;

/** The whole schema of the first release. Later changes come as new migrations. */
export class Initial1732924800000 implements MigrationInterface {
  name = 'Initial1732924800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE TABLE schools (
        id serial PRIMARY KEY,
        name text NOT NULL,
        type text NOT NULL CHECK (type IN ('vocational_undergraduate','higher_vocational','secondary_vocational','other')),
        ownership text NOT NULL CHECK (ownership IN ('public','private','other')),
        honors text[] NOT NULL DEFAULT '{}',
        honors_other text,
        province text,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX schools_name_key ON schools (name);
      CREATE INDEX schools_type_idx ON schools (type);
      CREATE INDEX schools_province_idx ON schools (province);
      CREATE INDEX schools_honors_idx ON schools USING gin (honors);
      CREATE INDEX schools_name_trgm_idx ON schools USING gin (name gin_trgm_ops);

      CREATE TABLE users (
        id serial PRIMARY KEY,
        email text NOT NULL,
        name text NOT NULL,
        password_hash text NOT NULL,
        roles text[] NOT NULL,
        school_id int REFERENCES schools(id),
        active boolean NOT NULL DEFAULT true,
        email_verified_at timestamptz,
        verification_token_hash text,
        verification_expires_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (email = lower(email))
      );
      CREATE UNIQUE INDEX users_email_key ON users (email);
      CREATE UNIQUE INDEX users_verification_token_key ON users (verification_token_hash);
      CREATE INDEX users_school_idx ON users (school_id);
      CREATE INDEX users_roles_idx ON users USING gin (roles);

      CREATE TABLE login_failures (
        id bigserial PRIMARY KEY,
        email text NOT NULL,
        ip text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX login_failures_email_idx ON login_failures (email, at);
      CREATE INDEX login_failures_ip_idx ON login_failures (ip, at);

      CREATE TABLE batches (
        id serial PRIMARY KEY,
        name text NOT NULL,
        opens_at timestamptz NOT NULL,
        deadline timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (deadline > opens_at)
      );
      CREATE UNIQUE INDEX batches_name_key ON batches (name);

      CREATE TABLE council_applications (
        id serial PRIMARY KEY,
        batch_id int NOT NULL REFERENCES batches(id),
        school_id int NOT NULL REFERENCES schools(id),
        owner_id int NOT NULL REFERENCES users(id),
        state text NOT NULL DEFAULT 'draft' CHECK (state IN (${STATES})),
        equipment_major_share_5y_pct numeric(4,1),
        representative jsonb,
        contact jsonb,
        school_opinion jsonb,
        suggestions text,
        last_comment text,
        submitted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX council_applications_state_idx ON council_applications (state, id);
      CREATE INDEX council_applications_batch_idx ON council_applications (batch_id);
      CREATE INDEX council_applications_school_idx ON council_applications (school_id, batch_id);
      CREATE INDEX council_applications_owner_idx ON council_applications (owner_id);

      CREATE TABLE departments (
        id serial PRIMARY KEY,
        council_application_id int NOT NULL REFERENCES council_applications(id) ON DELETE CASCADE,
        school_id int NOT NULL REFERENCES schools(id),
        position smallint NOT NULL,
        name text,
        category text,
        established_on text,
        major_share_pct numeric(4,1),
        avg_enrollment_3y int,
        head_name text,
        head_position text,
        strong_majors text[] NOT NULL DEFAULT '{}'
      );
      CREATE INDEX departments_application_idx ON departments (council_application_id, position);
      CREATE INDEX departments_school_idx ON departments (school_id);
      CREATE INDEX departments_category_idx ON departments (category, council_application_id);

      CREATE TABLE member_applications (
        id serial PRIMARY KEY,
        batch_id int NOT NULL REFERENCES batches(id),
        school_id int NOT NULL REFERENCES schools(id),
        department_id int REFERENCES departments(id),
        owner_id int NOT NULL REFERENCES users(id),
        state text NOT NULL DEFAULT 'draft' CHECK (state IN (${STATES})),
        seat text CHECK (seat IN ('main_leader','program_leader')),
        target_group smallint CHECK (target_group IN (1,2,3)),
        department_honors jsonb NOT NULL DEFAULT '[]',
        name text,
        gender text,
        birth_month text,
        political_status text,
        education text,
        degree text,
        alma_mater text,
        studied_major text,
        teaching_years int,
        title text,
        field text,
        position jsonb,
        mobile text,
        email text,
        address text,
        achievements text,
        experience text,
        industry_years int,
        industry_work text,
        awards text,
        memberships text,
        commitment jsonb,
        school_opinion jsonb,
        suggestions text,
        last_comment text,
        submitted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX member_applications_state_idx ON member_applications (state, id);
      CREATE INDEX member_applications_batch_idx ON member_applications (batch_id);
      CREATE INDEX member_applications_school_idx ON member_applications (school_id);
      CREATE INDEX member_applications_department_idx ON member_applications (department_id, seat, state);
      CREATE INDEX member_applications_owner_idx ON member_applications (owner_id);
      CREATE INDEX member_applications_name_trgm_idx ON member_applications USING gin (name gin_trgm_ops);

      CREATE TABLE quota_exceptions (
        id serial PRIMARY KEY,
        application_kind text NOT NULL CHECK (application_kind IN ('council','member')),
        application_id int NOT NULL,
        reason text NOT NULL,
        granted_by int NOT NULL REFERENCES users(id),
        granted_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (application_kind, application_id)
      );

      CREATE TABLE attachments (
        id uuid PRIMARY KEY,
        application_kind text NOT NULL CHECK (application_kind IN ('council','member')),
        application_id int NOT NULL,
        kind text NOT NULL CHECK (kind IN ('sealed_scan','photo')),
        file_name text NOT NULL,
        content_type text NOT NULL,
        size int NOT NULL,
        sha256 text NOT NULL,
        storage_name text NOT NULL,
        uploaded_by int NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (application_kind, application_id, kind)
      );

      CREATE TABLE transitions (
        id bigserial PRIMARY KEY,
        application_kind text NOT NULL CHECK (application_kind IN ('council','member')),
        application_id int NOT NULL,
        action text NOT NULL,
        from_state text NOT NULL,
        to_state text NOT NULL,
        actor_id int NOT NULL REFERENCES users(id),
        actor_role text NOT NULL,
        comment text,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX transitions_application_idx ON transitions (application_kind, application_id, id);

      CREATE TABLE audit_events (
        id bigserial PRIMARY KEY,
        actor_id int REFERENCES users(id),
        actor_email text,
        action text NOT NULL,
        entity text NOT NULL,
        entity_id text,
        data jsonb NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX audit_events_entity_idx ON audit_events (entity, entity_id);
      CREATE INDEX audit_events_at_idx ON audit_events (at);
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$;
      CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

      CREATE TABLE invitations (
        id serial PRIMARY KEY,
        email text NOT NULL,
        name text NOT NULL,
        role text NOT NULL,
        duty text CHECK (duty IN ('organize','coordinate','supervise')),
        message text,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','accepted','revoked')),
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        invited_by int NOT NULL REFERENCES users(id),
        user_id int REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        accepted_at timestamptz,
        revoked_at timestamptz
      );
      CREATE UNIQUE INDEX invitations_token_key ON invitations (token_hash);
      CREATE INDEX invitations_email_idx ON invitations (email);

      -- The outbox and the mail log in one: a row is written in the transaction that causes
      -- the mail (status pending), queued by the relay, then sent or failed by the worker.
      CREATE TABLE emails (
        id bigserial PRIMARY KEY,
        template text NOT NULL,
        to_email text NOT NULL,
        to_user_id int REFERENCES users(id),
        subject text,
        application_kind text CHECK (application_kind IN ('council','member')),
        application_id int,
        invitation_id int REFERENCES invitations(id),
        data jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','queued','sent','failed')),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        message_id text,
        dedupe_key text,
        created_at timestamptz NOT NULL DEFAULT now(),
        queued_at timestamptz,
        sent_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX emails_dedupe_key ON emails (dedupe_key);
      CREATE INDEX emails_pending_idx ON emails (id) WHERE status = 'pending';
      CREATE INDEX emails_application_idx ON emails (application_kind, application_id);
      CREATE INDEX emails_status_idx ON emails (status, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE emails, invitations, audit_events, transitions, attachments, quota_exceptions,
        member_applications, departments, council_applications, batches, login_failures, users, schools;
      DROP FUNCTION audit_events_append_only();
    `);
  }
}
