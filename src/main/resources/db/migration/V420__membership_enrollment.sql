-- Mass enrollment jobs (module membership, 集中入会): an uploaded roster is checked off the request thread, its
-- preview (what each row will do) and problems are rows read a page at a time, and the commit writes every row or,
-- when staff choose so, every valid row. The job keeps the organisation at the top of the uploader's data scope
-- (the work runs off the request thread) and the union chosen for the event, which every row joins. Preview rows
-- hold masked names and identity numbers only; the uploaded file is dropped when the job ends, and jobs are
-- deleted two hours after they start.
CREATE TABLE membership_enrollment (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    owner_name      VARCHAR(100)  NOT NULL,
    organization_id BIGINT        NOT NULL,
    union_id        BIGINT        NOT NULL,
    event_date      DATE          NOT NULL,
    file_name       VARCHAR(255)  NOT NULL,
    locale_tag      VARCHAR(35)   NOT NULL,
    import_state    VARCHAR(16)   NOT NULL,
    commit_mode     VARCHAR(16),
    total           INTEGER       NOT NULL DEFAULT 0,
    processed       INTEGER       NOT NULL DEFAULT 0,
    to_create       INTEGER       NOT NULL DEFAULT 0,
    to_update       INTEGER       NOT NULL DEFAULT 0,
    unchanged       INTEGER       NOT NULL DEFAULT 0,
    refused         INTEGER       NOT NULL DEFAULT 0,
    problem_count   INTEGER       NOT NULL DEFAULT 0,
    plan_digest     VARCHAR(64),
    message         VARCHAR(1000) NOT NULL DEFAULT '',
    content         BYTEA,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_membership_enrollment_state CHECK (import_state IN
        ('CHECKING', 'READY', 'INVALID', 'REJECTED', 'COMMITTING', 'COMMITTED', 'FAILED')),
    CONSTRAINT ck_membership_enrollment_mode CHECK (commit_mode IS NULL OR commit_mode IN ('ALL', 'VALID_ROWS'))
);

CREATE INDEX ix_membership_enrollment_created ON membership_enrollment (created_at);

CREATE TABLE membership_enrollment_row (
    enrollment_id VARCHAR(36)  NOT NULL,
    line_no       INTEGER      NOT NULL,
    row_action    VARCHAR(10)  NOT NULL,
    name_masked   VARCHAR(100),
    id_masked     VARCHAR(40),
    occupation    VARCHAR(40),
    CONSTRAINT pk_membership_enrollment_row PRIMARY KEY (enrollment_id, line_no),
    CONSTRAINT fk_membership_enrollment_row FOREIGN KEY (enrollment_id)
        REFERENCES membership_enrollment (id) ON DELETE CASCADE,
    CONSTRAINT ck_membership_enrollment_row_action CHECK (row_action IN ('CREATE', 'UPDATE', 'UNCHANGED', 'REFUSED'))
);

CREATE TABLE membership_enrollment_problem (
    enrollment_id VARCHAR(36)   NOT NULL,
    seq           INTEGER       NOT NULL,
    line_no       INTEGER       NOT NULL,
    column_key    VARCHAR(40),
    column_header VARCHAR(100),
    cell_ref      VARCHAR(40),
    message       VARCHAR(1000) NOT NULL,
    CONSTRAINT pk_membership_enrollment_problem PRIMARY KEY (enrollment_id, seq),
    CONSTRAINT fk_membership_enrollment_problem FOREIGN KEY (enrollment_id)
        REFERENCES membership_enrollment (id) ON DELETE CASCADE
);

CREATE INDEX ix_membership_enrollment_problem_line ON membership_enrollment_problem (enrollment_id, line_no);
