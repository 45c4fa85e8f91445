-- Every staff account belongs to exactly one union organisation (module organization, V150) and holds
-- one role there; existing accounts belong to the municipal federation (the root). The two roles of
-- the station release become the city administrator and union staff. A password set by an
-- administrator (a reset, a new account) is one-time: the user must choose their own at next sign-in.
ALTER TABLE account ADD COLUMN organization_id BIGINT REFERENCES organization (id);
UPDATE account SET organization_id = (SELECT id FROM organization WHERE parent_id IS NULL);
ALTER TABLE account ALTER COLUMN organization_id SET NOT NULL;
CREATE INDEX ix_account_organization ON account (organization_id);

UPDATE account SET role = 'CITY_ADMIN' WHERE role = 'ADMIN';
UPDATE account SET role = 'UNION_STAFF' WHERE role = 'STAFF';

ALTER TABLE account ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
