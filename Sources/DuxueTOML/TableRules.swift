/// TOML's rules for defining tables and keys: no key twice, no table twice, no header for a table made
/// by dotted keys, no dotted keys into a table with its own header, nothing added to an inline table
/// or a static array.
enum TableRules {
    /// The deepest nesting of tables and arrays accepted (the document is level 0).
    static let maximumDepth = 128

    /// The table a `[path]` or `[[path]]` header opens, found or made from `root`.
    static func open(_ path: [KeyPart], arrayOfTables: Bool, header: TOMLPosition, in root: MutableTable)
        throws(TOMLError) -> MutableTable
    {
        guard let last = path.last else { throw TOMLError(.expectedKey, at: header) }
        var current = root
        for (n, part) in path.dropLast().enumerated() {
            guard let slot = current[part.name] else {
                let table = try made(.implicit, at: part.position, depth: current.depth + 1)
                current.add(part.name, at: part.position, .table(table))
                current = table
                continue
            }
            switch slot.item {
            case .table(let table):
                current = table
            case .tables(let array):
                guard let element = array.elements.last else {
                    throw TOMLError(.notATable(key: written(path, n), firstLine: array.position.line), at: part.position)
                }
                current = element
            case .value(let node):
                throw TOMLError(closed(written(path, n), node), at: part.position)
            }
        }
        let name = TOMLKeyText.path(path.map(\.name))
        guard let slot = current[last.name] else {
            if arrayOfTables {
                let element = try made(.arrayElement, at: header, depth: current.depth + 2)
                current.add(last.name, at: last.position, .tables(TableArray(position: header, first: element)))
                return element
            }
            let table = try made(.header, at: header, depth: current.depth + 1)
            current.add(last.name, at: last.position, .table(table))
            return table
        }
        switch slot.item {
        case .table(let table):
            if arrayOfTables { throw TOMLError(.notAnArrayOfTables(name: name, firstLine: table.position.line), at: header) }
            switch table.kind {
            case .implicit:
                table.kind = .header
                table.position = header
                return table
            case .dotted:
                throw TOMLError(.dottedTableHeader(name: name, firstLine: table.position.line), at: header)
            case .root, .header, .arrayElement, .inline:
                throw TOMLError(.duplicateTable(name: name, firstLine: table.position.line), at: header)
            }
        case .tables(let array):
            guard arrayOfTables else {
                throw TOMLError(.duplicateTable(name: name, firstLine: array.position.line), at: header)
            }
            let element = try made(.arrayElement, at: header, depth: current.depth + 2)
            array.elements.append(element)
            return element
        case .value(let node):
            if arrayOfTables, node.array != nil {
                throw TOMLError(.notAnArrayOfTables(name: name, firstLine: node.position.line), at: header)
            }
            throw TOMLError(.duplicateKey(key: name, firstLine: slot.keyPosition.line), at: last.position)
        }
    }

    /// Adds `path = node` to `table` (the current `[section]`, or an inline table being read).
    static func insert(_ path: [KeyPart], _ node: TOMLNode, into table: MutableTable) throws(TOMLError) {
        guard let last = path.last else { throw TOMLError(.expectedKey, at: node.position) }
        var current = table
        for (n, part) in path.dropLast().enumerated() {
            guard let slot = current[part.name] else {
                let made = try made(.dotted, at: part.position, depth: current.depth + 1)
                current.add(part.name, at: part.position, .table(made))
                current = made
                continue
            }
            switch slot.item {
            case .table(let next):
                switch next.kind {
                case .implicit:
                    next.kind = .dotted
                case .dotted:
                    break
                case .root, .header, .arrayElement, .inline:
                    throw TOMLError(.headerTableDotted(key: written(path, n), firstLine: next.position.line), at: part.position)
                }
                current = next
            case .tables(let array):
                throw TOMLError(.notATable(key: written(path, n), firstLine: array.position.line), at: part.position)
            case .value(let node):
                throw TOMLError(closed(written(path, n), node), at: part.position)
            }
        }
        if let slot = current[last.name] {
            let written = TOMLKeyText.path(path.map(\.name))
            throw TOMLError(.duplicateKey(key: written, firstLine: slot.keyPosition.line), at: last.position)
        }
        current.add(last.name, at: last.position, .value(node))
    }

    /// The parts of a key up to `last` as written, for messages: `a."b c"`.
    private static func written(_ path: [KeyPart], _ last: Int) -> String {
        TOMLKeyText.path(path[...last].map(\.name))
    }

    /// A new table, unless it would be nested too deep.
    private static func made(_ kind: MutableTable.Kind, at position: TOMLPosition, depth: Int) throws(TOMLError) -> MutableTable {
        guard depth <= maximumDepth else { throw TOMLError(.tooDeep(limit: maximumDepth), at: position) }
        return MutableTable(kind: kind, position: position, depth: depth)
    }

    /// Why a finished value cannot be used as a table.
    private static func closed(_ key: String, _ node: TOMLNode) -> TOMLError.Reason {
        node.table != nil ? .inlineTableClosed(key: key, firstLine: node.position.line)
            : .notATable(key: key, firstLine: node.position.line)
    }
}
