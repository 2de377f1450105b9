import Foundation

/// `_rels/*.rels`: relationship id → target part, and the targets by type.
final class RelationshipsReader: XMLEventHandler {
    private(set) var targets: [String: String] = [:]
    private(set) var byType: [(type: String, target: String)] = []
    private let base: String

    /// A reader resolving targets against the folder of the part the relationships belong to.
    init(base: String) { self.base = base }

    func start(_ name: String, _ attributes: [String: String]) {
        guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        if attributes["TargetMode"] == "External" { return }
        let resolved = Self.resolve(target, against: base)
        targets[id] = resolved
        byType.append((attributes["Type"] ?? "", resolved))
    }

    func end(_ name: String) {}
    func text(_ string: String) {}

    /// The first target whose type ends in `/suffix`.
    func target(ofType suffix: String) -> String? { byType.first { $0.type.hasSuffix("/" + suffix) }?.target }

    /// `worksheets/sheet1.xml` against `xl` → `xl/worksheets/sheet1.xml`; absolute targets stand; `..` is resolved.
    static func resolve(_ target: String, against base: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : base.split(separator: "/")
        for piece in target.split(separator: "/") {
            if piece == "." { continue }
            if piece == ".." {
                if !parts.isEmpty { parts.removeLast() }
            } else {
                parts.append(piece)
            }
        }
        return parts.joined(separator: "/")
    }
}

/// `xl/workbook.xml`: the sheets in order, their state, and the date system.
final class WorkbookPartReader: XMLEventHandler {
    private(set) var sheets: [(name: String, state: SheetInfo.State, relationship: String)] = []
    private(set) var uses1904 = false

    func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "workbookPr":
            if let flag = attributes["date1904"] { uses1904 = flag == "1" || flag.lowercased() == "true" }
        case "sheet":
            guard let sheetName = attributes["name"] else { return }
            // The relationship id is an attribute in the relationships namespace, whatever its prefix.
            let relationship = attributes.first { $0.key.hasSuffix(":id") }?.value ?? ""
            let state: SheetInfo.State
            switch attributes["state"] {
            case "hidden": state = .hidden
            case "veryHidden": state = .veryHidden
            default: state = .visible
            }
            sheets.append((sheetName, state, relationship))
        default: break
        }
    }

    func end(_ name: String) {}
    func text(_ string: String) {}
}

/// `xl/sharedStrings.xml`: each `si`'s text, runs joined, phonetic runs (`rPh`) left out.
final class SharedStringsReader: XMLEventHandler {
    private(set) var strings: [String] = []
    private var current = ""
    private var inText = false
    private var phonetic = 0

    func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "si": current = ""
        case "t": inText = phonetic == 0
        case "rPh": phonetic += 1
        default: break
        }
    }

    func end(_ name: String) {
        switch name {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": phonetic -= 1
        default: break
        }
    }

    func text(_ string: String) { if inText { current += string } }
}

/// `xl/styles.xml`: the number format of each cell style (`cellXfs`), as a ``NumberFormat``.
final class StylesReader: XMLEventHandler {
    private var customFormats: [Int: String] = [:]
    private var formatIDs: [Int] = []
    private var inCellXfs = false

    func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] { customFormats[id] = code }
        case "cellXfs": inCellXfs = true
        case "xf":
            if inCellXfs { formatIDs.append(attributes["numFmtId"].flatMap(Int.init) ?? 0) }
        default: break
        }
    }

    func end(_ name: String) { if name == "cellXfs" { inCellXfs = false } }
    func text(_ string: String) {}

    /// The format of each style index.
    var formats: [NumberFormat] {
        formatIDs.map { NumberFormat(id: $0, code: customFormats[$0]) }
    }
}
