import DuxueDomain
import Foundation
import Testing

@testable import DuxueInput

/// Workbooks saved by another writer: LibreOffice Calc 7.4 (Fixtures/libreoffice, re-saved from
/// Data/county.xlsx and from the roster `duxue plan Data/county.xlsx --out` wrote, with
/// `soffice --headless --convert-to xlsx`). LibreOffice writes its own styles, shared strings, number
/// formats and sheet XML; what Duxue reads from them must not change.
@Suite("Workbooks saved by LibreOffice")
struct LibreOfficeFixtureTests {
    /// The repository's Data folder (beside Tests).
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Data").path
    static let countyPolicy = Policy(termStart: Day(iso: "2027-09-01")!)

    @Test func districtWorkbookReadsAsTheCSVFolder() throws {
        let saved = try DistrictReader.read(folder: Fixtures.path("libreoffice/county.xlsx"), policy: Self.countyPolicy)
        let csv = try DistrictReader.read(folder: Self.data + "/county", policy: Self.countyPolicy)
        #expect(saved.district.schools.count == 130)
        #expect(saved.district.schools == csv.district.schools)
        #expect(saved.district.inspectors == csv.district.inspectors)
        #expect(saved.warnings.filter { $0.severity == .error }.isEmpty)
    }

    @Test func rosterWorkbookReadsAsDuxuesOwn() throws {
        let saved = try RosterReader.read(path: Fixtures.path("libreoffice/county-roster.xlsx"))
        let own = try RosterReader.read(path: Fixtures.path("libreoffice/county-roster-duxue.xlsx"))
        #expect(saved.roster.assignments.count == 130)
        #expect(saved.roster == own.roster)
        #expect(saved.termStart == own.termStart && saved.termStart == Day(iso: "2027-09-01"))
        #expect(saved.pairTerms == own.pairTerms)
        #expect(saved.warnings.isEmpty, "\(saved.warnings)")
    }
}
