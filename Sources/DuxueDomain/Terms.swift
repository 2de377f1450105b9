/// A term of office: from `start` (inclusive) to `end`, the day the next term starts.
public struct Term: Sendable, Hashable, Codable, Comparable {
    /// First day of the term.
    public var start: Day
    /// First day after the term (the next term's start).
    public var end: Day

    /// The term of `years` years starting on `start`.
    public init(start: Day, years: Int) {
        self.start = start
        end = start.addingYears(years)
    }

    /// The last day of the term, as reports show it.
    public var lastDay: Day { end.previousDay }

    /// Whether `day` falls within the term.
    public func contains(_ day: Day) -> Bool { start <= day && day < end }

    /// Orders by start.
    public static func < (lhs: Term, rhs: Term) -> Bool { lhs.start < rhs.start }
}

/// The terms of office of a district: back-to-back spans of `years` years, one of which starts on
/// `anchor` (any term start the district has recorded or names in its policy).
public struct TermCalendar: Sendable, Hashable {
    /// A day on which a term starts.
    public let anchor: Day
    /// Years in a term (≥ 1).
    public let years: Int

    /// The calendar of terms of `years` years through `anchor`.
    public init(anchor: Day, years: Int) {
        self.anchor = anchor
        self.years = max(1, years)
    }

    /// The term numbered `index`: 0 is the term starting on the anchor, 1 the next, −1 the one before.
    public func term(_ index: Int) -> Term {
        Term(start: anchor.addingYears(index * years), years: years)
    }

    /// The number of the term `day` falls in (see ``term(_:)``).
    public func index(of day: Day) -> Int {
        // A first guess from the years between, corrected by at most a step either way (leap days).
        var index = (day.year - anchor.year) / years - ((day.year - anchor.year) % years < 0 ? 1 : 0)
        while term(index).start > day { index -= 1 }
        while term(index).end <= day { index += 1 }
        return index
    }

    /// The term `day` falls in.
    public func term(containing day: Day) -> Term { term(index(of: day)) }
}

/// The term arithmetic of 《教育督导条例》第六条 (兼职督学的任期为3年，可以连续任职，连续任职不得超过3个任期),
/// as pure functions: what counts towards the consecutive part-time limit, and when a streak breaks.
///
/// - Counted are part-time terms to which the person was appointed (held at least one school).
/// - A full-time term is not counted, and a full-timer who becomes part-time starts counting then.
/// - A term that passes without an appointment breaks the streak.
public enum TermCounting {
    /// The consecutive part-time count after one more term, from the count before it and how the person
    /// served in it: appointed part-time adds one; full-time or not appointed starts again at 0.
    public static func advance(_ count: Int, servedAs employment: Employment?) -> Int {
        employment == .partTime ? count + 1 : 0
    }

    /// The consecutive part-time terms at the end of a history, oldest term first, one entry per term
    /// (`nil` for a term without appointment), on top of `opening` terms before the first entry.
    public static func consecutivePartTimeTerms(_ history: [Employment?], opening: Int = 0) -> Int {
        history.reduce(opening) { advance($0, servedAs: $1) }
    }

    /// Whether a part-timer with `completed` consecutive terms before a term may be appointed to it.
    public static func mayServe(completed: Int, limit: Int) -> Bool { completed < limit }

    /// Whether the term about to start is the last one permitted (the next roster must replace them).
    public static func isLastPermittedTerm(completed: Int, limit: Int) -> Bool { completed == limit - 1 }
}
