extension Migrations {
    /// Access hardening: the per-source brake on password guessing, the owner's alert about
    /// failed logins, the browsers a user logged in from (to tell a new device), and the
    /// short code of a recovery e-mail.
    static let accessHardening = Migration(
        name: "0009_access_hardening",
        sql: """
            -- failed logins per typed address (lower case, whether or not it has an account)
            -- and client address: the progressive delay brakes one source guessing one account
            -- without locking its owner out elsewhere
            CREATE TABLE login_failures (
                email TEXT NOT NULL,
                client TEXT NOT NULL,
                failures INTEGER NOT NULL,
                window_start INTEGER NOT NULL,
                last_failed_at INTEGER NOT NULL,
                PRIMARY KEY (email, client)
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX login_failures_by_time ON login_failures(last_failed_at);

            -- when the owner was last e-mailed about failed logins: once per window
            ALTER TABLE users ADD COLUMN failed_login_alerted_at INTEGER NOT NULL DEFAULT 0;

            -- a cookie per browser a user has logged in from: a login without one is from a new device
            CREATE TABLE known_browsers (
                id INTEGER PRIMARY KEY,
                token_hash BLOB NOT NULL UNIQUE,
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                created_at INTEGER NOT NULL,
                last_seen_at INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX known_browsers_by_user ON known_browsers(user_id);

            -- the short code of a recovery e-mail, typed on /password/nuova where the link
            -- cannot carry the token (no JavaScript); hashed like the token
            ALTER TABLE password_resets ADD COLUMN code_hash BLOB;
            CREATE UNIQUE INDEX password_resets_by_code ON password_resets(code_hash) WHERE code_hash IS NOT NULL;
            """)
}
