-- The outbox (module-independent, range V050): Spring Modulith's JDBC event publication registry.
-- Columns as spring-modulith-events-jdbc 2.0.3 expects them (schemas/v2/schema-postgresql.sql and
-- schema-h2.sql in the jar), written once in SQL that H2 (PostgreSQL mode) and PostgreSQL 15 both run.
-- Modulith's own schema initialisation stays off (spring.modulith.events.jdbc.schema-initialization).
--
-- Differences from the jar's scripts, and why:
-- * serialized_event is VARCHAR(1000000), not TEXT: TEXT is a CLOB on H2, which cannot be compared
--   with "=" as Modulith's fallback lookups do; 1,000,000 is H2's VARCHAR ceiling, PostgreSQL allows it.
-- * no index on serialized_event: PostgreSQL's script uses a hash index (not in H2), H2's a b-tree on
--   (listener_id, serialized_event) (fails on PostgreSQL above ~2.7 kB). Publications are completed by
--   id; the by-event lookup is a fallback on a table that holds only outstanding rows
--   (spring.modulith.events.completion-mode: delete), so a scan there is cheap.
CREATE TABLE event_publication (
    id                     UUID                     NOT NULL,
    listener_id            VARCHAR(512)             NOT NULL,
    event_type             VARCHAR(512)             NOT NULL,
    serialized_event       VARCHAR(1000000)         NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 VARCHAR(20),
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_event_publication PRIMARY KEY (id)
);

CREATE INDEX ix_event_publication_completion_date ON event_publication (completion_date);
CREATE INDEX ix_event_publication_status ON event_publication (status);
