import DuxueDomain
import Testing

/// 《教育督导条例》第六条 as ``TermCounting`` and ``TermCalendar`` count it, by hand-worked examples.
@Suite("Term arithmetic") struct TermArithmeticTests {
    private let calendar = TermCalendar(anchor: Day(iso: "2024-09-01")!, years: 3)

    /// Terms 2021-09-01…2024-08-31, 2024-09-01…2027-08-31, 2027-09-01…: the day before a boundary is
    /// in the earlier term, the boundary itself in the later one.
    @Test func whichTermADateFallsIn() {
        #expect(calendar.index(of: Day(iso: "2024-09-01")!) == 0)
        #expect(calendar.index(of: Day(iso: "2027-08-31")!) == 0)
        #expect(calendar.index(of: Day(iso: "2027-09-01")!) == 1)
        #expect(calendar.index(of: Day(iso: "2024-08-31")!) == -1)
        #expect(calendar.index(of: Day(iso: "2015-01-01")!) == -4)  // 2012-09-01…2015-08-31
        #expect(calendar.term(containing: Day(iso: "2030-10-15")!) == Term(start: Day(iso: "2030-09-01")!, years: 3))
        #expect(calendar.term(-1).lastDay == Day(iso: "2024-08-31")!)
        #expect(calendar.term(containing: Day(iso: "2028-02-29")!).start == Day(iso: "2027-09-01")!)
    }

    /// A part-time term served adds one; a full-time term or an empty one starts again.
    @Test func streaks() {
        #expect(TermCounting.consecutivePartTimeTerms([.partTime, .partTime, .partTime]) == 3)
        // B: not appointed, then two part-time terms.
        #expect(TermCounting.consecutivePartTimeTerms([nil, .partTime, .partTime]) == 2)
        // C: a gap breaks the streak.
        #expect(TermCounting.consecutivePartTimeTerms([.partTime, nil, .partTime]) == 1)
        // F: full-time throughout counts nothing.
        #expect(TermCounting.consecutivePartTimeTerms([.fullTime, .fullTime, .fullTime]) == 0)
        // A full-timer who becomes part-time starts counting then.
        #expect(TermCounting.consecutivePartTimeTerms([.fullTime, .fullTime, .partTime]) == 1)
        // An opening balance carries on only while the streak does.
        #expect(TermCounting.consecutivePartTimeTerms([.partTime], opening: 2) == 3)
        #expect(TermCounting.consecutivePartTimeTerms([nil, .partTime], opening: 2) == 1)
    }

    @Test func limits() {
        #expect(TermCounting.mayServe(completed: 2, limit: 3))
        #expect(!TermCounting.mayServe(completed: 3, limit: 3))
        #expect(TermCounting.isLastPermittedTerm(completed: 2, limit: 3))
        #expect(!TermCounting.isLastPermittedTerm(completed: 1, limit: 3))
    }
}
