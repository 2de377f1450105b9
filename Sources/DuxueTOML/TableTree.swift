/// A key as written: its text and where it starts. `a."b".c` is three parts.
struct KeyPart {
    var name: String
    var position: TOMLPosition
}

/// A table while the document is being read, with what TOML's redefinition rules need to know of it.
final class MutableTable {
    /// How the table came to be.
    enum Kind {
        /// The document itself.
        case root
        /// Named on the way to another table by a header (`a` in `[a.b]`); a `[a]` header may still
        /// define it.
        case implicit
        /// Defined by its own `[header]`.
        case header
        /// One element of an array of tables, defined by its `[[header]]`.
        case arrayElement
        /// Made (or taken over) by dotted keys (`a.b = 1` makes `a`); no header may define it.
        case dotted
        /// The inline table being read (`{…}`); once read it becomes a value and is closed.
        case inline
    }

    /// A key's value.
    enum Item {
        /// A finished value: a scalar, a static array, or an inline table.
        case value(TOMLNode)
        /// A table still open to headers and dotted keys.
        case table(MutableTable)
        /// An array of tables (`[[…]]`), open to more elements.
        case tables(TableArray)
    }

    /// A key with the place it was first written and its value.
    struct Slot {
        var keyPosition: TOMLPosition
        var item: Item
    }

    var kind: Kind
    /// Where the table starts (see ``TOMLNode/position``).
    var position: TOMLPosition
    /// The nesting depth of the table's value (the document is 0).
    let depth: Int
    private(set) var order: [String] = []
    private var slots: [String: Slot] = [:]

    init(kind: Kind, position: TOMLPosition, depth: Int) {
        self.kind = kind
        self.position = position
        self.depth = depth
    }

    subscript(key: String) -> Slot? { slots[key] }

    /// Adds a key that is not in the table yet.
    func add(_ key: String, at position: TOMLPosition, _ item: Item) {
        if slots[key] == nil { order.append(key) }
        slots[key] = Slot(keyPosition: position, item: item)
    }

    /// The finished table.
    func frozen() -> TOMLTable {
        TOMLTable(entries: order.compactMap { key in
            slots[key].map { TOMLEntry(key: key, keyPosition: $0.keyPosition, node: $0.item.frozen()) }
        })
    }
}

/// An array of tables, made by `[[name]]` headers.
final class TableArray {
    /// The first `[[name]]` header.
    let position: TOMLPosition
    var elements: [MutableTable]

    init(position: TOMLPosition, first: MutableTable) {
        self.position = position
        elements = [first]
    }
}

extension MutableTable.Item {
    /// The finished value.
    func frozen() -> TOMLNode {
        switch self {
        case .value(let node):
            node
        case .table(let table):
            TOMLNode(value: .table(table.frozen()), position: table.position)
        case .tables(let array):
            TOMLNode(value: .array(array.elements.map { TOMLNode(value: .table($0.frozen()), position: $0.position) }),
                     position: array.position)
        }
    }

    /// The line where this value was written, for messages.
    var line: Int {
        switch self {
        case .value(let node): node.position.line
        case .table(let table): table.position.line
        case .tables(let array): array.position.line
        }
    }
}
