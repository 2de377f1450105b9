import DuxueDomain
import DuxueGLPK
import DuxueInput
import DuxueRecord
import DuxueReport
import DuxueWorkflows
import Foundation
import Testing

/// The known answer, worked by hand: three recorded terms (2018, 2021, 2024); A part-time in all
/// three (3 consecutive terms before 2027: at the limit), B in the last two (2), C in 2018 and 2024 (the
/// 2021 gap breaks the streak: 1), F full-time throughout (0). The 2027 plan excludes A alone.
@Suite struct KnownAnswerTests {
    @Test func nextPlanExcludesAAloneCitingTheRecordedTerms() throws {
        let scratch = try Scratch()
        let district = try scratch.district()
        try KnownHistory.record(into: district, scratch: scratch)
        let outcome = try Workflows.plan(PlanRequest(district: DistrictSource(path: district), language: .en)) { GLPKSolver() }
        let excluded = outcome.plan.excluded.map(\.inspector.id.rawValue)
        #expect(excluded == ["A"])
        let reasons = outcome.report.excluded.flatMap(\.reasons)
        #expect(reasons == ["3 consecutive part-time terms (limit 3); recorded part-time terms starting 2018-09-01, 2021-09-01, 2024-09-01"])
        let counts = Dictionary(uniqueKeysWithValues: outcome.plan.district.inspectors.map { ($0.id.rawValue, $0.consecutiveTerms) })
        #expect(counts == ["A": 3, "B": 2, "C": 1, "F": 0, "G": 0, "H": 0])
        #expect(!outcome.plan.roster.assignments.contains { $0.assignee.inspectorID?.rawValue == "A" })
        #expect(outcome.warnings.isEmpty)
    }

    @Test func theChineseReasonCitesTheRecordedTermsToo() throws {
        let scratch = try Scratch()
        let district = try scratch.district()
        try KnownHistory.record(into: district, scratch: scratch)
        let outcome = try Workflows.plan(PlanRequest(district: DistrictSource(path: district), language: .zh)) { GLPKSolver() }
        #expect(outcome.report.excluded.flatMap(\.reasons)
            == ["兼职已连任 3 届（上限 3 届）；据任用记录：2018-09-01 起、2021-09-01 起、2024-09-01 起各届兼职"])
    }

    /// The column, where written, is the opening balance before the first recorded term, and a warning
    /// (naming both values) where it contradicts the record on the recorded terms.
    @Test func theColumnIsAnOpeningBalanceAndTheRecordWinsOnRecordedTerms() throws {
        let scratch = try Scratch()
        // B: 3 written, record shows 2 reaching back to 2021 only (not 2018): contradiction, record wins (2).
        // G: 2 written, never recorded: contradiction (the record shows no appointment), 0.
        // F: 0 written, full-time: agrees. A: 5 written ≥ 3 reaching back to the first term: opening 2 → 5.
        let district = try scratch.district(terms: ["A": 5, "B": 3, "C": 1, "F": 0, "G": 2, "H": 0])
        try KnownHistory.record(into: district, scratch: scratch)
        let loaded = try DistrictSource(path: district).load()
        let counts = Dictionary(uniqueKeysWithValues: loaded.district.inspectors.map { ($0.id.rawValue, $0.consecutiveTerms) })
        #expect(counts == ["A": 5, "B": 2, "C": 1, "F": 0, "G": 0, "H": 0])
        let disagreements = loaded.warnings.compactMap { problem -> String? in
            guard case .termsDisagreeWithRecord(_, let id, let written, let recorded, _) = problem.kind else { return nil }
            return "\(id):\(written)->\(recorded)@\(problem.line ?? 0)"
        }
        #expect(disagreements == ["B:3->2@3", "G:2->0@6"])
        let message = try #require(loaded.warnings.first { if case .termsDisagreeWithRecord = $0.kind { true } else { false } })
        #expect(message.message(in: .en).contains("consecutive_terms of inspector B reads 3; the roster of record gives 2"))
        #expect(message.message(in: .zh).contains("督学 B 的已连任届数写作 3，任用记录为 2"))
    }

    /// Terms that pass without a new roster recorded are carried by the roster in force (as renew counts
    /// them): B, recorded part-time in 2021 and 2024 only, has 3 before 2030 if nothing was recorded for 2027.
    @Test func unrecordedTermsAreCarriedByTheRosterInForce() throws {
        let scratch = try Scratch()
        let district = try scratch.district()
        try KnownHistory.record(into: district, scratch: scratch)
        let history = try #require(try DistrictSource(path: district).recordHistory())
        let b = try #require(history.consecutivePartTimeTerms(of: Inspector.ID(uncheckedRawValue: "B"), before: .iso("2030-09-01"),
                                                              years: 3, written: nil))
        #expect(b.count == 3)
        #expect(b.streak.map(\.start.description) == ["2021-09-01", "2024-09-01", "2027-09-01"])
        let f = try #require(history.consecutivePartTimeTerms(of: Inspector.ID(uncheckedRawValue: "F"), before: .iso("2030-09-01"),
                                                              years: 3, written: nil))
        #expect(f.count == 0)
    }

    /// Pair terms from the record: S1 held by A in all three terms, S3 by B in the last two, S5 by C in the last.
    @Test func pairTermsFollowTheRecordedHolders() throws {
        let scratch = try Scratch()
        let district = try scratch.district()
        try KnownHistory.record(into: district, scratch: scratch)
        let history = try #require(try DistrictSource(path: district).recordHistory())
        let latest = try #require(history.latest)
        let pairs = history.pairTerms(of: latest, years: 3)
        #expect(pairs[School.ID(uncheckedRawValue: "S1")] == 3)
        #expect(pairs[School.ID(uncheckedRawValue: "S3")] == 2)
        #expect(pairs[School.ID(uncheckedRawValue: "S5")] == 1)
        #expect(pairs[School.ID(uncheckedRawValue: "S7")] == 3)
    }
}

/// `renew` with the record: the roster in force comes from it, and a roster file's pair_terms that
/// contradicts the recorded terms is a warning naming both values (the record wins).
@Suite struct RenewFromRecordTests {
    @Test func aContradictingPairTermsIsAWarningAndTheRecordWins() throws {
        let scratch = try Scratch()
        let district = try scratch.district()
        try KnownHistory.record(into: district, scratch: scratch)
        // The 2024 roster again, its pair_terms retyped: S1 (A since 2018: 3 by the record) written 1,
        // S3 (B since 2021: 2) written 2.
        var text = "school_id,inspector_id,term_start,pair_terms\n"
        for (index, holder) in KnownHistory.holders[2].enumerated() {
            text += "S\(index + 1),\(holder),2024-09-01,\(index == 0 ? 1 : index == 2 ? 2 : 1)\n"
        }
        let file = try scratch.write("previous.csv", text)
        let outcome = try Workflows.renew(RenewRequest(
            district: DistrictSource(path: district), previous: file, asOf: .iso("2025-09-01"), language: .en)) { GLPKSolver() }
        let disagreements = outcome.warnings.compactMap { problem -> String? in
            guard case .termsDisagreeWithRecord(let key, let id, let written, let recorded, _) = problem.kind else { return nil }
            return "\(key) \(id) \(written)->\(recorded) line \(problem.line ?? 0)"
        }
        // S7 (F since 2018) and the others written 1 are contradicted too.
        #expect(disagreements.contains("pair_terms S1 1->3 line 2"))
        #expect(!disagreements.contains { $0.hasPrefix("pair_terms S3 ") })
        #expect(disagreements.contains("pair_terms S7 1->3 line 8"))
        // Mid-term, kept pairs keep the record's count.
        #expect(outcome.renewal.pairTerms[School.ID(uncheckedRawValue: "S1")] == 3)
    }

    @Test func withoutPreviousTheRosterInForceComesFromTheRecord() throws {
        let scratch = try Scratch()
        let district = try scratch.district()
        try KnownHistory.record(into: district, scratch: scratch)
        let outcome = try Workflows.renew(RenewRequest(
            district: DistrictSource(path: district), previous: nil, asOf: .iso("2027-09-01"), language: .en)) { GLPKSolver() }
        #expect(outcome.renewal.kind == .newTerm)
        #expect(outcome.renewal.previousTerm.start == .iso("2024-09-01"))
        // A reaches the limit at the new term and leaves; nobody else does.
        let leaving = outcome.renewal.changes.leaving.map(\.inspector.rawValue)
        #expect(leaving == ["A"])
    }
}
