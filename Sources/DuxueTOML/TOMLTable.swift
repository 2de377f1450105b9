/// A TOML table: its entries in the order their keys were first written, looked up by key in
/// constant time.
public struct TOMLTable: Hashable, Sendable {
    private var storage: [TOMLEntry]
    private var index: [String: Int]

    /// A table with these entries; when a key repeats, lookups find its first entry.
    public init(entries: [TOMLEntry] = []) {
        storage = entries
        index = Self.index(of: entries)
    }

    /// The entries, in the order their keys were first written.
    public var entries: [TOMLEntry] {
        get { storage }
        set {
            storage = newValue
            index = Self.index(of: newValue)
        }
    }

    /// The keys, in the order they were first written.
    public var keys: [String] { storage.map(\.key) }

    /// Whether the table has no keys.
    public var isEmpty: Bool { storage.isEmpty }

    /// The value of `key`, if the table has it.
    public subscript(key: String) -> TOMLNode? { entry(key)?.node }

    /// The entry of `key` (with the key's position), if the table has it.
    public func entry(_ key: String) -> TOMLEntry? {
        index[key].map { storage[$0] }
    }

    /// Tables are equal when their entries are (in order, with positions).
    public static func == (lhs: TOMLTable, rhs: TOMLTable) -> Bool { lhs.storage == rhs.storage }

    /// Hashes the entries.
    public func hash(into hasher: inout Hasher) { hasher.combine(storage) }

    private static func index(of entries: [TOMLEntry]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (offset, entry) in entries.enumerated() where index[entry.key] == nil {
            index[entry.key] = offset
        }
        return index
    }
}
