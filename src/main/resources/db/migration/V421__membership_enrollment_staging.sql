-- Mass enrollment writes from what was checked (issue 9): the check stores, for every row it will create or update,
-- exactly what the commit writes, so the commit reads no file and plans nothing again. The identity and mobile
-- numbers are stored sealed (AES-GCM, identity.PersonalData) with their keyed hashes, as in member; the rows are
-- deleted when the job is committed, fails or ends, and with the job after two hours. The uploaded file is dropped
-- as soon as the check ends.
CREATE TABLE membership_enrollment_write (
    enrollment_id    VARCHAR(36)  NOT NULL,
    line_no          INTEGER      NOT NULL,
    -- NULL: a membership to create; else the membership to update, at this version.
    member_id        BIGINT,
    member_version   INTEGER,
    person_key       VARCHAR(64)  NOT NULL,
    id_number_sealed VARCHAR(255) NOT NULL,
    id_number_masked VARCHAR(24)  NOT NULL,
    mobile_key       VARCHAR(64)  NOT NULL,
    mobile_sealed    VARCHAR(255) NOT NULL,
    mobile_masked    VARCHAR(16)  NOT NULL,
    name             VARCHAR(50)  NOT NULL,
    occupation       VARCHAR(24)  NOT NULL,
    enterprise_id    BIGINT,
    route            VARCHAR(16)  NOT NULL,
    joined_on        DATE         NOT NULL,
    -- The new card's token, drawn from a secure random source at the check.
    card_token       VARCHAR(32)  NOT NULL,
    CONSTRAINT pk_membership_enrollment_write PRIMARY KEY (enrollment_id, line_no),
    CONSTRAINT fk_membership_enrollment_write FOREIGN KEY (enrollment_id)
        REFERENCES membership_enrollment (id) ON DELETE CASCADE
);

-- The digest of a plan made again at the commit is replaced by the stored plan and the member versions it holds.
ALTER TABLE membership_enrollment DROP COLUMN plan_digest;
