-- Sign-in throttling (SignInThrottle, per account and client address, in memory) replaced the account
-- lockout: nothing reads or writes these columns any more. Portable: H2 (PostgreSQL mode) and PostgreSQL.
ALTER TABLE account DROP COLUMN failed_login_count;
ALTER TABLE account DROP COLUMN locked_until;
