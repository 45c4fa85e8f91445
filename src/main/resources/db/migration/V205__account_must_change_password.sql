-- An account whose password was set by someone else for one use (the administrator recovery at start,
-- AdminRecovery) must choose a new one at its first sign-in. Portable: H2 (PostgreSQL mode) and PostgreSQL.
ALTER TABLE account ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;
