-- Roster import jobs (module station), so that any node, and a node restarted, can show an import and
-- commit it. The uploaded file is kept until the import is committed or ends; the preview (what each
-- row will do) and the problems are rows of their own, read a page at a time. Jobs are deleted two
-- hours after they start; their rows go with them.
CREATE TABLE station_import (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    owner_name    VARCHAR(100)  NOT NULL,
    file_name     VARCHAR(255)  NOT NULL,
    locale_tag    VARCHAR(35)   NOT NULL,
    default_crs   VARCHAR(8),
    import_state  VARCHAR(16)   NOT NULL,
    total         INTEGER       NOT NULL DEFAULT 0,
    processed     INTEGER       NOT NULL DEFAULT 0,
    to_create     INTEGER       NOT NULL DEFAULT 0,
    to_update     INTEGER       NOT NULL DEFAULT 0,
    unchanged     INTEGER       NOT NULL DEFAULT 0,
    problem_count INTEGER       NOT NULL DEFAULT 0,
    plan_digest   VARCHAR(64),
    message       VARCHAR(1000) NOT NULL DEFAULT '',
    content       BYTEA,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_station_import_state CHECK (import_state IN ('CHECKING', 'READY', 'INVALID', 'REJECTED', 'COMMITTING', 'COMMITTED', 'FAILED'))
);

CREATE INDEX ix_station_import_created ON station_import (created_at);

CREATE TABLE station_import_row (
    import_id   VARCHAR(36)  NOT NULL,
    line_no     INTEGER      NOT NULL,
    row_action  VARCHAR(10)  NOT NULL,
    code        VARCHAR(100),
    name        VARCHAR(200),
    district    VARCHAR(100),
    CONSTRAINT pk_station_import_row PRIMARY KEY (import_id, line_no),
    CONSTRAINT fk_station_import_row FOREIGN KEY (import_id) REFERENCES station_import (id) ON DELETE CASCADE
);

CREATE TABLE station_import_problem (
    import_id     VARCHAR(36)   NOT NULL,
    seq           INTEGER       NOT NULL,
    line_no       INTEGER       NOT NULL,
    column_key    VARCHAR(40),
    column_header VARCHAR(100),
    cell_ref      VARCHAR(40),
    message       VARCHAR(1000) NOT NULL,
    CONSTRAINT pk_station_import_problem PRIMARY KEY (import_id, seq),
    CONSTRAINT fk_station_import_problem FOREIGN KEY (import_id) REFERENCES station_import (id) ON DELETE CASCADE
);
