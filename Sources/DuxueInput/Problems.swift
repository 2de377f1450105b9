import DuxueDomain
import DuxueSheets


/// What went wrong with a number that must be a whole number.
public enum NumberIssue: Hashable, Sendable {
    /// Not a number at all.
    case nonNumeric
    /// Below zero.
    case negative
    /// Has a fractional part.
    case fractional
    /// A whole number below the allowed minimum (the minimum is kept).
    case belowMinimum(Int)
    /// Too large to be meant.
    case tooLarge
}

/// What a file holds, for "no records" problems.
public enum RecordKind: String, Hashable, Sendable {
    /// schools.csv rows.
    case schools
    /// inspectors.csv rows.
    case inspectors
    /// roster rows.
    case assignments
}

/// The kind of a district's table, for workbook and file problems.
public enum TableKind: String, Hashable, Sendable {
    /// The school list (schools.csv, 学校).
    case schools
    /// The inspector pool (inspectors.csv, 督学).
    case inspectors
}

/// One problem found in an input file, with its place and a fix; renderable in Chinese and English.
public struct InputProblem: Hashable, Sendable, CustomStringConvertible {
    /// A column of a CSV file (or a character column of a TOML file).
    public struct Column: Hashable, Sendable {
        /// The column's header as written in the file (empty when unknown).
        public var name: String
        /// 1-based column index.
        public var index: Int

        /// A column.
        public init(name: String, index: Int) {
            self.name = name
            self.index = index
        }
    }

    /// What the problem is, with the values a message needs.
    public enum Kind: Hashable, Sendable {
        /// The file does not exist.
        case fileNotFound(path: String)
        /// The district folder does not exist.
        case folderNotFound(path: String)
        /// The file exists but could not be read.
        case unreadable(reason: String)
        /// The bytes are not UTF-8 or GB18030 text.
        case encoding(TextDecodingError)
        /// The file has no content.
        case emptyFile
        /// Only a header.
        case noRecords(RecordKind)
        /// A quote opened here is never closed.
        case openQuote(line: Int, column: Int)
        /// Text after a closing quote.
        case textAfterQuote
        /// A row whose width differs from the header's.
        case raggedRow(fields: Int, expected: Int)
        /// A required column is absent (a header that looks like it is named).
        case missingColumn(key: String, accepted: [String], lookalike: String?)
        /// A header the reader does not know (with a near miss, if any).
        case unknownColumn(header: String, suggestion: String?)
        /// Two headers name the same column.
        case duplicateColumn(key: String, firstColumn: Int)
        /// A required value is empty.
        case emptyValue(key: String)
        /// An id seen before.
        case duplicateID(id: String, firstLine: Int)
        /// Not an acceptable whole number.
        case badWholeNumber(value: String, key: String, issue: NumberIssue)
        /// Not a number.
        case badNumber(value: String, key: String)
        /// Not a date in an accepted format.
        case badDate(value: String)
        /// A date written year last ("5/6/2023"): its possible readings, year first.
        case ambiguousDate(value: String, readings: [Day])
        /// Not one of the accepted values.
        case badChoice(value: String, key: String, accepted: [String])
        /// Retired with no retirement date.
        case retiredWithoutDate
        /// Retired after the term starts.
        case retiredAfterTermStart(retiredOn: Day, termStart: Day)
        /// A retirement date for someone in service.
        case retiredOnIgnored(value: String)
        /// A recusal naming a school that does not exist.
        case unknownConflictSchool(id: String)
        /// A personal cap at or above the policy's ratio.
        case capHasNoEffect(value: Int, limit: Int)
        /// An inspector's zone that no school is in.
        case zoneWithoutSchools(zone: String)
        /// Latitude or longitude out of range (±limit).
        case coordinateOutOfRange(key: String, value: String, limit: Int)
        /// One coordinate without the other.
        case coordinateIncomplete(given: String, missing: String)
        /// A phone number Excel turned into a number in scientific notation.
        case phoneMangled(value: String)
        /// A vacancy row with no employment.
        case vacancyWithoutEmployment(id: String)
        /// A vacancy whose employment or zone differs between rows.
        case vacancyMismatch(id: String, key: String, value: String, firstValue: String, firstLine: Int)
        /// A roster row naming no inspector.
        case noAssignee(school: String)
        /// A roster row gives another term start than an earlier row.
        case termStartMismatch(value: String, firstValue: String, firstLine: Int)
        /// A roster row naming a school that is not in schools.csv.
        case unknownRosterSchool(id: String)
        /// A roster row naming an inspector that is not in inspectors.csv.
        case unknownRosterInspector(id: String)
        /// Problems beyond the cap, not listed.
        case tooManyProblems(omitted: Int)
        /// A policy file is not valid TOML (the reader's own words in both languages).
        case tomlError(english: String, chinese: String)
        /// A roster row names its inspector or employment otherwise than the pool does.
        case rosterContradictsPool(id: String, key: String, value: String, pool: String)
        /// The term start was not given anywhere: today's date is used.
        case termStartNotStated(today: Day)
        /// A key the policy file does not know (`table` is "sources" inside [sources]).
        case unknownKey(key: String, table: String?, suggestion: String?, accepted: [String])
        /// A value of the wrong TOML type.
        case wrongType(key: String, expected: String, found: String)
        /// A value outside its allowed range (`maximum` is `nil` when there is no upper bound).
        case outOfRange(key: String, value: String, minimum: Int, maximum: Int?)
        /// Neither a preset name nor an existing file.
        case policyNotFound(nameOrPath: String, presets: [String], suggestion: String?)
        /// A workbook that cannot be read: a legacy format, a damaged file, or past the limits.
        case workbook(WorkbookError)
        /// A district workbook without a sheet for a table (the names accepted, the sheets it has).
        case sheetNotFound(table: TableKind, accepted: [String], sheets: [String])
        /// Several sheets (or files of a district folder) hold the same table.
        case tableTwice(table: TableKind, places: [String])
        /// A sheet read although it is hidden in Excel.
        case hiddenSheet
        /// A row read although it is hidden in Excel.
        case hiddenRow
        /// A column read although it is hidden in Excel.
        case hiddenColumn
        /// A problem of a scenario file's own format, or of a sweep.
        case scenario(ScenarioIssue)
        /// A formula whose value was never saved: the cell reads as empty.
        case uncalculatedFormula(formula: String)
        /// A name that matches no school or inspector of the district (`key` is the column; the nearest
        /// names, if any).
        case unknownName(key: String, name: String, nearest: [String])
        /// An inspector a previous roster names (by name only) who is no longer in the pool: taken as having
        /// left it (a departure in the renewal's change list); the nearest names, if any, in case of a typo.
        case nameLeftPool(name: String, nearest: [String])
        /// A name several schools or inspectors share (`candidates`: each one's name, id and zone).
        case ambiguousName(key: String, name: String, candidates: [String])
        /// A name that is not the one the district gives the id on the same row (the id is used).
        case nameContradictsID(key: String, id: String, written: String, actual: String)
        /// A problem the upper level's re-check finds with a filing workbook (``FilingIssue``).
        case filing(FilingIssue)
        /// The pool's `consecutive_terms` (or a roster's `pair_terms`) disagrees with what the roster of
        /// record shows for the recorded terms; the record's value is used.
        case termsDisagreeWithRecord(key: String, id: String, written: Int, recorded: Int, terms: [Day])
        /// The district's roster of record cannot be used as it is (written by a newer version, damaged, or
        /// holding no roster that applies); the message in both languages.
        case record(english: String, chinese: String)
    }

    /// The file, as a short name (e.g. "schools.csv") or the path given.
    public var file: String
    /// The worksheet, for a workbook (then `line` is the sheet's row and `column` its column: 学校!D17).
    public var sheet: String?
    /// 1-based line; `nil` for a problem with the whole file.
    public var line: Int?
    /// The column, if the problem is in one.
    public var column: Column?
    /// Error (the input is rejected) or warning.
    public var severity: Severity
    /// What the problem is.
    public var kind: Kind

    /// A problem.
    public init(file: String, sheet: String? = nil, line: Int?, column: Column? = nil, severity: Severity = .error,
                kind: Kind) {
        self.file = file
        self.sheet = sheet
        self.line = line
        self.column = column
        self.severity = severity
        self.kind = kind
    }

    /// The message in English, lower-case, naming the bad value.
    public var message: String { summary(in: .en) }

    /// The fix in English.
    public var fix: String { fix(in: .en) }

    /// The message alone (no place, no fix) in a language.
    public func summary(in language: Language) -> String {
        ProblemText.summary(kind, language, rows: sheet != nil)
    }

    /// The fix alone in a language.
    public func fix(in language: Language) -> String { ProblemText.fix(kind, language) }

    /// The whole sentence for people: place, message and fix, e.g.
    /// "schools.csv 第 3 行 在校生数 列：“-5” 不是非负整数；请填写学生人数，如 1200", or for a workbook
    /// "学校名单.xlsx 学校!D17 在校生数 列：…".
    public func message(in language: Language) -> String {
        let place = ProblemText.place(self, language)
        switch language {
        case .zh: return "\(place)：\(summary(in: .zh))；\(fix(in: .zh))"
        case .en: return "\(place): \(summary(in: .en)); fix: \(fix(in: .en))"
        }
    }

    /// The cell reference of a workbook problem: `学校!D17`, `学校!17:17` for a row, the sheet alone.
    public var cellReference: String? {
        guard let sheet else { return nil }
        let name = ProblemText.sheetName(sheet)
        guard let line else { return name }
        guard let column else { return "\(name)!\(line):\(line)" }
        return "\(name)!\(CellReference.letters(column.index))\(line)"
    }

    /// "schools.csv:3:4: error: message; fix: fix" in English; "county.xlsx:学校!D17: error: …" for a workbook.
    public var description: String {
        var place = file
        if let reference = cellReference {
            place += ":" + reference
        } else {
            if let line { place += ":\(line)" }
            if let column { place += ":\(column.index)" }
        }
        return "\(place): \(severity.rawValue): \(message); fix: \(fix)"
    }
}

/// Input that cannot be used, with every problem found (errors and warnings).
public enum InputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// At least one problem has error severity.
    case invalid([InputProblem])

    /// All problems, errors and warnings, in file order.
    public var problems: [InputProblem] {
        switch self { case .invalid(let problems): problems }
    }

    /// One problem per line, in English.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Collects the problems of one file, up to a cap (a reference, so row checkers can share it).
final class ProblemCollector {
    let file: String
    /// The worksheet the table is on, once known; every problem added after carries it.
    var sheet: String?
    let cap: Int
    private(set) var problems: [InputProblem] = []
    private var omitted = 0
    private var omittedErrors = false
    private(set) var hasErrors = false

    init(file: String, cap: Int = 100) {
        self.file = file
        self.cap = cap
    }

    func add(_ kind: InputProblem.Kind, line: Int?, column: InputProblem.Column? = nil,
                      severity: Severity = .error) {
        if severity == .error { hasErrors = true }
        guard problems.count < cap else {
            omitted += 1
            if severity == .error { omittedErrors = true }
            return
        }
        problems.append(InputProblem(file: file, sheet: sheet, line: line, column: column, severity: severity, kind: kind))
    }

    /// The problems in line order (file-wide ones first, ties in the order found), with a closing note
    /// when some were left out.
    func finished() -> [InputProblem] {
        let sorted = problems.enumerated()
            .sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
            .map(\.element)
        guard omitted > 0 else { return sorted }
        return sorted + [InputProblem(
            file: file, sheet: sheet, line: nil, severity: omittedErrors ? .error : .warning,
            kind: .tooManyProblems(omitted: omitted))]
    }
}
