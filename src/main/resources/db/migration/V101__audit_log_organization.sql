-- Each entry keeps the organisation of the staff member who acted (null for anonymous attempts, the
-- system's own work and authentications without an account), so that an auditor or an organisation
-- administrator searches the entries of their own part of the tree (their data scope) only.
ALTER TABLE audit_log ADD COLUMN organization_id BIGINT;
CREATE INDEX audit_log_organization_ix ON audit_log (organization_id, occurred_at);
