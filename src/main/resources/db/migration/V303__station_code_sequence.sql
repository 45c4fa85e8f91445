-- Generated station codes (module station): one counter per district, moved forward atomically in a
-- short transaction of its own, so that two staff or two imports in one district never draw the same
-- number and nobody waits for a long import. A row is created on first use, starting at the highest
-- number then in use in the district; codes typed by staff are skipped when drawn.
CREATE TABLE station_code_sequence (
    district_code VARCHAR(6) NOT NULL PRIMARY KEY,
    last_value    BIGINT     NOT NULL
);
