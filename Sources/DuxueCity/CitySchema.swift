import GRDB

/// The city database's schema, as migrations (see docs/city.md). Each version of Duxue knows the
/// migrations up to its own; a file with a migration it does not know was written by a newer version and
/// is refused, untouched. Never edit a migration that has shipped: add the next one.
public enum CitySchema {
    /// The migrations in order (their identifiers are stored in the file's `grdb_migrations` table).
    public static let identifiers = ["v1-accounts-sessions-filings-audit", "v2-no-replace"]

    /// The migrator.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(identifiers[0]) { db in try db.execute(sql: version1) }
        migrator.registerMigration(identifiers[1]) { db in try db.execute(sql: version2) }
        return migrator
    }

    /// Version 1. Times: `*_at` text columns are ISO 8601 UTC with milliseconds; session and attempt
    /// times are Unix seconds (REAL) for comparisons. The triggers are the rules no code path may bypass:
    /// a filing's submission is immutable, it is decided once, filings are never deleted, a new version is
    /// the next number and only when no version waits for a decision, and the audit log only grows.
    public static let version1 = """
        CREATE TABLE accounts (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 64),
            role TEXT NOT NULL CHECK (role IN ('district', 'reviewer', 'admin')),
            district TEXT CHECK ((role = 'district') = (district IS NOT NULL)),
            password_hash TEXT NOT NULL,
            disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
            created_at TEXT NOT NULL
        );
        CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES accounts(id),
            csrf TEXT NOT NULL,
            created_at REAL NOT NULL,
            last_seen_at REAL NOT NULL,
            expires_at REAL NOT NULL,
            revoked_at REAL
        );
        CREATE INDEX sessions_account ON sessions(account_id);
        CREATE TABLE login_attempts (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL COLLATE NOCASE,
            address TEXT NOT NULL,
            at REAL NOT NULL,
            ok INTEGER NOT NULL CHECK (ok IN (0, 1))
        );
        CREATE INDEX login_attempts_name ON login_attempts(name, at);
        CREATE INDEX login_attempts_address ON login_attempts(address, at);
        CREATE TABLE filings (
            id INTEGER PRIMARY KEY,
            district TEXT NOT NULL,
            version INTEGER NOT NULL CHECK (version >= 1),
            file_name TEXT NOT NULL,
            content BLOB NOT NULL,
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
            submitted_by INTEGER NOT NULL REFERENCES accounts(id),
            submitted_at TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'returned', 'accepted')),
            decided_by INTEGER REFERENCES accounts(id),
            decided_at TEXT,
            comment TEXT,
            UNIQUE (district, version)
        );
        CREATE TRIGGER filings_next_version BEFORE INSERT ON filings
        WHEN NEW.status <> 'submitted' OR NEW.decided_by IS NOT NULL
          OR NEW.version <> COALESCE((SELECT MAX(version) FROM filings WHERE district = NEW.district), 0) + 1
          OR EXISTS (SELECT 1 FROM filings WHERE district = NEW.district AND status = 'submitted')
        BEGIN SELECT RAISE(ABORT, 'a new filing is the next version, submitted, and only when no version waits for a decision'); END;
        CREATE TRIGGER filings_immutable BEFORE UPDATE OF id, district, version, file_name, content, sha256, submitted_by, submitted_at ON filings
        BEGIN SELECT RAISE(ABORT, 'a submitted filing is immutable'); END;
        CREATE TRIGGER filings_decided_once BEFORE UPDATE OF status, decided_by, decided_at, comment ON filings
        WHEN OLD.status <> 'submitted' OR NEW.status NOT IN ('accepted', 'returned') OR NEW.decided_by IS NULL OR NEW.decided_at IS NULL
        BEGIN SELECT RAISE(ABORT, 'a filing is decided once: accepted or returned'); END;
        CREATE TRIGGER filings_kept BEFORE DELETE ON filings
        BEGIN SELECT RAISE(ABORT, 'filings are never deleted'); END;
        CREATE TABLE deadlines (
            district TEXT PRIMARY KEY,
            due_on TEXT NOT NULL,
            set_by INTEGER NOT NULL REFERENCES accounts(id),
            set_at TEXT NOT NULL
        );
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            account_id INTEGER,
            account_name TEXT NOT NULL,
            role TEXT,
            address TEXT NOT NULL,
            action TEXT NOT NULL,
            district TEXT,
            outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'refused', 'failed')),
            detail TEXT NOT NULL
        );
        CREATE INDEX audit_district ON audit(district, id);
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        """

    /// Version 2. `INSERT OR REPLACE` (and `REPLACE`) resolves a key conflict by deleting the old row
    /// without firing DELETE triggers, which let it rewrite an audit row or an accepted filing past the
    /// version 1 triggers. An insert naming an id that exists is refused before any conflict resolution.
    /// The indexes find the last `login_throttled` row of a name or address (one is written per window).
    public static let version2 = """
        CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit
        WHEN EXISTS (SELECT 1 FROM audit WHERE id = NEW.id)
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER filings_no_replace BEFORE INSERT ON filings
        WHEN EXISTS (SELECT 1 FROM filings WHERE id = NEW.id)
        BEGIN SELECT RAISE(ABORT, 'a submitted filing is immutable'); END;
        CREATE INDEX audit_throttled_name ON audit(account_name COLLATE NOCASE, at) WHERE action = 'login_throttled';
        CREATE INDEX audit_throttled_address ON audit(address, at) WHERE action = 'login_throttled';
        CREATE INDEX sessions_expiry ON sessions(expires_at);
        """
}
