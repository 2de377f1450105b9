import GRDB

/// The record's schema, as migrations: each version of Duxue knows the migrations up to its own; a
/// file with a migration it does not know was written by a newer version and is refused.
///
/// Never edit a migration that has shipped: add the next one.
public enum RecordSchema {
    /// The migrations in order (their identifiers are stored in the file's `grdb_migrations` table).
    public static let identifiers = ["v1-terms-rosters-appointments", "v2-documents-findings"]

    /// The migrator.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(identifiers[0]) { db in
            try db.execute(sql: version1)
        }
        migrator.registerMigration(identifiers[1]) { db in
            try db.execute(sql: version2)
        }
        return migrator
    }

    /// Version 1: terms, rosters by version, their lines, the appointments derived from them, and the
    /// facts each roster was checked against.
    public static let version1 = """
        CREATE TABLE terms (
            id INTEGER PRIMARY KEY,
            start TEXT NOT NULL UNIQUE,
            "end" TEXT NOT NULL
        );
        CREATE TABLE rosters (
            id INTEGER PRIMARY KEY,
            term_id INTEGER NOT NULL REFERENCES terms(id),
            effective_on TEXT NOT NULL,
            version INTEGER NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('draft', 'filed', 'approved')),
            recorded_at TEXT NOT NULL,
            source_file TEXT NOT NULL,
            replaced_by INTEGER REFERENCES rosters(id),
            UNIQUE (term_id, effective_on, version)
        );
        CREATE TABLE assignments (
            id INTEGER PRIMARY KEY,
            roster_id INTEGER NOT NULL REFERENCES rosters(id),
            line INTEGER NOT NULL,
            school_id TEXT NOT NULL,
            inspector_id TEXT,
            vacancy_id TEXT,
            vacancy_zone TEXT,
            employment TEXT CHECK (employment IN ('full_time', 'part_time')),
            pair_terms INTEGER
        );
        CREATE INDEX assignments_roster ON assignments(roster_id);
        CREATE INDEX assignments_inspector ON assignments(inspector_id);
        CREATE TABLE appointments (
            id INTEGER PRIMARY KEY,
            term_id INTEGER NOT NULL REFERENCES terms(id),
            inspector_id TEXT NOT NULL,
            employment TEXT NOT NULL CHECK (employment IN ('full_time', 'part_time')),
            appointed_on TEXT NOT NULL,
            ended_on TEXT,
            UNIQUE (term_id, inspector_id)
        );
        CREATE TABLE school_facts (
            roster_id INTEGER NOT NULL REFERENCES rosters(id),
            school_id TEXT NOT NULL,
            name TEXT NOT NULL,
            zone TEXT NOT NULL,
            stage TEXT,
            enrollment INTEGER NOT NULL,
            PRIMARY KEY (roster_id, school_id)
        );
        CREATE TABLE inspector_facts (
            roster_id INTEGER NOT NULL REFERENCES rosters(id),
            inspector_id TEXT NOT NULL,
            name TEXT NOT NULL,
            employment TEXT NOT NULL CHECK (employment IN ('full_time', 'part_time')),
            zone TEXT NOT NULL,
            retired_on TEXT,
            consecutive_terms INTEGER,
            PRIMARY KEY (roster_id, inspector_id)
        );
        """

    /// Version 2: the document number (聘任文号) of a roster and of the appointments it made, and the
    /// rule findings stored with each roster.
    public static let version2 = """
        ALTER TABLE rosters ADD COLUMN doc_no TEXT;
        ALTER TABLE appointments ADD COLUMN doc_no TEXT;
        CREATE TABLE findings (
            id INTEGER PRIMARY KEY,
            roster_id INTEGER NOT NULL REFERENCES rosters(id),
            rule TEXT NOT NULL,
            severity TEXT NOT NULL CHECK (severity IN ('error', 'warning')),
            message TEXT NOT NULL
        );
        CREATE INDEX findings_roster ON findings(roster_id);
        """

    /// The tables an export writes, in the order an import reads them back, each with its columns in
    /// order and the ordering of its rows (one CSV file per table, `TABLE.csv`).
    public static let exportTables: [(name: String, columns: [String], order: String)] = [
        ("terms", ["id", "start", "end"], "id"),
        ("rosters", ["id", "term_id", "effective_on", "version", "status", "recorded_at", "source_file", "replaced_by", "doc_no"], "id"),
        ("assignments", ["id", "roster_id", "line", "school_id", "inspector_id", "vacancy_id", "vacancy_zone", "employment", "pair_terms"],
         "id"),
        ("appointments", ["id", "term_id", "inspector_id", "employment", "appointed_on", "ended_on", "doc_no"], "id"),
        ("school_facts", ["roster_id", "school_id", "name", "zone", "stage", "enrollment"], "roster_id, school_id"),
        ("inspector_facts", ["roster_id", "inspector_id", "name", "employment", "zone", "retired_on", "consecutive_terms"],
         "roster_id, inspector_id"),
        ("findings", ["id", "roster_id", "rule", "severity", "message"], "id"),
    ]
}
