-- Every station is owned by a union organisation (module organization, V150) and scoped by it like
-- every other record. Existing stations belong to the district/county federation of their district.
ALTER TABLE station ADD COLUMN organization_id BIGINT REFERENCES organization (id);
UPDATE station SET organization_id = (
    SELECT o.id FROM organization o
     WHERE o.division_code = station.district_code AND o.kind = 'DISTRICT_FEDERATION');
ALTER TABLE station ALTER COLUMN organization_id SET NOT NULL;
CREATE INDEX ix_station_organization ON station (organization_id);
