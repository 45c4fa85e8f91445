-- Registry imports waiting for their commit (module organization): the uploaded file, kept between the
-- preview and the commit, which reads and checks it again. Deleted at the commit or two hours later.
CREATE TABLE enterprise_import (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    owner_name      VARCHAR(100) NOT NULL,
    -- The importer's data scope (the root of their subtree) when they uploaded.
    organization_id BIGINT       NOT NULL REFERENCES organization (id),
    file_name       VARCHAR(255) NOT NULL,
    content         BYTEA        NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX ix_enterprise_import_created ON enterprise_import (created_at);
