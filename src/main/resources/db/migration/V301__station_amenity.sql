-- Station amenities as a child table (module station), so that filtering by an amenity uses an
-- index instead of LIKE over a comma list. The list moves over, one statement per amenity, in SQL
-- that H2 (PostgreSQL mode) and PostgreSQL both run; then the old column goes.
CREATE TABLE station_amenity (
    station_id BIGINT      NOT NULL,
    amenity    VARCHAR(32) NOT NULL,
    CONSTRAINT pk_station_amenity PRIMARY KEY (station_id, amenity),
    CONSTRAINT fk_station_amenity_station FOREIGN KEY (station_id) REFERENCES station (id) ON DELETE CASCADE,
    CONSTRAINT ck_station_amenity CHECK (amenity IN ('WATER', 'CHARGING', 'REST', 'TOILET', 'MICROWAVE', 'AIR_CONDITIONING', 'FIRST_AID', 'BOOKS', 'HEALTH_KIOSK', 'WIFI', 'LOCKER', 'REPAIR_KIT'))
);

CREATE INDEX ix_station_amenity_amenity ON station_amenity (amenity, station_id);

INSERT INTO station_amenity (station_id, amenity) SELECT id, 'WATER' FROM station WHERE amenities LIKE '%,WATER,%';
INSERT INTO station_amenity (station_id, amenity) SELECT id, 'CHARGING' FROM station WHERE amenities LIKE '%,CHARGING,%';
INSERT INTO station_amenity (station_id, amenity) SELECT id, 'REST' FROM station WHERE amenities LIKE '%,REST,%';
INSERT INTO station_amenity (station_id, amenity) SELECT id, 'TOILET' FROM station WHERE amenities LIKE '%,TOILET,%';
INSERT INTO station_amenity (station_id, amenity) SELECT id, 'MICROWAVE' FROM station WHERE amenities LIKE '%,MICROWAVE,%';
INSERT INTO station_amenity (station_id, amenity) SELECT id, 'AIR_CONDITIONING' FROM station WHERE amenities LIKE '%,AIR_CONDITIONING,%';
INSERT INTO station_amenity (station_id, amenity) SELECT id, 'FIRST_AID' FROM station WHERE amenities LIKE '%,FIRST_AID,%';
INSERT INTO station_amenity (station_id, amenity) SELECT id, 'BOOKS' FROM station WHERE amenities LIKE '%,BOOKS,%';
INSERT INTO station_amenity (station_id, amenity) SELECT id, 'HEALTH_KIOSK' FROM station WHERE amenities LIKE '%,HEALTH_KIOSK,%';
INSERT INTO station_amenity (station_id, amenity) SELECT id, 'WIFI' FROM station WHERE amenities LIKE '%,WIFI,%';
INSERT INTO station_amenity (station_id, amenity) SELECT id, 'LOCKER' FROM station WHERE amenities LIKE '%,LOCKER,%';
INSERT INTO station_amenity (station_id, amenity) SELECT id, 'REPAIR_KIT' FROM station WHERE amenities LIKE '%,REPAIR_KIT,%';

ALTER TABLE station DROP COLUMN amenities;
