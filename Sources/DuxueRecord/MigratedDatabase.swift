import Foundation
import GRDB

/// Opening an SQLite file the project keeps through GRDB — a district's record (``DistrictRecord``) and
/// the city database alike: WAL, foreign keys on, a busy timeout so that a second writer waits for the
/// first instead of failing; a file written by a newer version is refused and left untouched; two
/// processes creating a new file at once both end with it migrated.
public enum MigratedDatabase {
    /// Why a file could not be opened.
    public enum Refusal: Error, Sendable {
        /// Not an SQLite database, or not readable: SQLite's reason.
        case unreadable(reason: String)
        /// Written by a newer version: the migrations in it that this version does not know.
        case newerSchema(unknown: [String])
        /// The migrations failed three times: SQLite's reason.
        case migration(reason: String)
    }

    /// Opens (creating if needed) the file at `path` and applies `migrator`'s migrations, `known` being
    /// every migration this version has.
    public static func open(path: String, label: String, migrator: DatabaseMigrator, known: [String],
                            busyTimeout: TimeInterval) throws(Refusal) -> DatabasePool {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = label
        let pool: DatabasePool
        let applied: Set<String>
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            applied = try pool.read { db in try migrator.appliedIdentifiers(db) }
        } catch {
            throw .unreadable(reason: reason(error))
        }
        let unknown = applied.subtracting(known)
        if !unknown.isEmpty { throw .newerSchema(unknown: unknown.sorted()) }
        // Two processes opening a new file at once may both try the first migration; the loser's
        // transaction rolls back and, on the next pass, finds the migrations applied.
        var attempts = 0
        while true {
            do {
                try migrator.migrate(pool)
                return pool
            } catch {
                attempts += 1
                if (try? pool.read({ db in try migrator.hasCompletedMigrations(db) })) == true { return pool }
                if attempts >= 3 { throw .migration(reason: reason(error)) }
            }
        }
    }

    /// The text of a database error, for messages.
    public static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }
}
