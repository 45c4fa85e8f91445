-- An import acts within the data scope of the person who uploaded it (module identity): the job keeps
-- the organisation at the top of that scope, since the check and the write run off the request thread.
-- Jobs from before this migration were made by city-wide staff: the root.
ALTER TABLE station_import ADD COLUMN organization_id BIGINT;
UPDATE station_import SET organization_id = (SELECT id FROM organization WHERE parent_id IS NULL);
ALTER TABLE station_import ALTER COLUMN organization_id SET NOT NULL;
