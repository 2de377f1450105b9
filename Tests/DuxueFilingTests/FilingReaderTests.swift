import DuxueDomain
import DuxueFiling
import DuxueInput
import DuxueReport
import Foundation
import Testing

/// The filing workbook read back as a district for the upper level's re-check (`duxue review`):
/// FilingReader rebuilds the schools, the appointed inspectors, the declared policy and both sets of
/// pairs, and names the cells where the sheets people see were edited after Duxue wrote them.
@Suite("Filing read back for review")
struct FilingReaderTests {
    typealias Scratch = FilingRosterReadBackTests.Scratch

    /// Writes the sample filing (FilingRosterReadBackTests) and returns its path.
    static func write(_ scratch: Scratch, name: String = "f.xlsx", policy override: Policy? = nil) throws -> String {
        var (report, district, roster, policy) = FilingRosterReadBackTests.filing()
        if let override {
            policy = override
            report = CheckReport(district: district, policy: policy, roster: roster, rosterFile: "r.csv", strict: false,
                                 nearest: nil, language: .zh)
        }
        let path = scratch.path(name)
        try FilingWriter.write(report, district: district, roster: roster, policy: policy, format: .xlsx, to: path, overwrite: false)
        return path
    }

    /// The multiset of a roster's pairs, as "school→holder" lines.
    static func pairs(_ roster: Roster) -> [String] {
        roster.assignments.map { "\($0.school.rawValue)→\($0.assignee.rosterID)" }.sorted()
    }

    /// The workbench sends the package's bytes: the page is the file `write` puts in place, and the
    /// workbook sent reads back as the one written.
    @Test func theBytesSentAreThePackageWritten() throws {
        let scratch = try Scratch()
        let (report, district, roster, policy) = FilingRosterReadBackTests.filing()
        let page = try FilingWriter.bytes(report, district: district, roster: roster, policy: policy, format: .html)
        try FilingWriter.write(report, district: district, roster: roster, policy: policy, format: .html, to: scratch.path("f.html"),
                               overwrite: false)
        #expect(page == FileManager.default.contents(atPath: scratch.path("f.html")).map { [UInt8]($0) })
        let book = try FilingWriter.bytes(report, district: district, roster: roster, policy: policy, format: .xlsx)
        try Data(book).write(to: URL(fileURLWithPath: scratch.path("sent.xlsx")))
        let sent = try FilingReader.read(path: scratch.path("sent.xlsx"))
        let kept = try FilingReader.read(path: try Self.write(scratch))
        #expect(sent.district.schools == kept.district.schools)
        #expect(sent.recorded == kept.recorded)
        #expect(sent.edits.isEmpty)
    }

    @Test func readsBackTheDistrictThePolicyAndThePairs() throws {
        let scratch = try Scratch()
        let path = try Self.write(scratch)
        let (_, district, roster, policy) = FilingRosterReadBackTests.filing()
        let load = try FilingReader.read(path: path)
        #expect(load.file == "f.xlsx")
        #expect(load.district.name == "样例区", "the cover's 区县, the policy naming none")
        #expect(load.district.schools == district.schools)
        // Appointed inspectors only (I1, I2 both are), with the facts the rules read.
        #expect(load.district.inspectors.map(\.id) == district.inspectors.map(\.id))
        #expect(load.district.inspectors.map(\.name) == ["王芳", "李强"])
        #expect(load.district.inspectors.map(\.consecutiveTerms) == [0, 1])
        #expect(load.district.inspectors.first?.phone == "0791-0001")
        for key in PolicyKey.all where !["name", "district_name"].contains(key.name) {
            #expect(key.display(load.policy) == key.display(policy), "\(key.name)")
        }
        #expect(load.policy.districtName == "样例区", "no district_name declared: the cover's 区县 names it")
        #expect(load.policy.asOf == policy.asOf)
        #expect(load.recorded == roster, "内部-配对, line by line")
        // The visible pairs: the 公示 list gives E2's first holder, the 名册 adds E2's second line.
        #expect(Self.pairs(load.roster.roster) == Self.pairs(roster))
        #expect(load.edits.isEmpty, "\(load.edits.map { $0.message(in: .en) })")
        #expect(load.internalSheets.map(\.name) == FilingPackage.internalNames)
        #expect(FilingReader.internalNames == FilingPackage.internalNames)
        #expect(FilingReader.placardName == FilingPackage.tableNames[1] && FilingReader.rollName == FilingPackage.tableNames[0])
        // Re-audited, the visible pairs give the findings of the roster checked.
        let again = Compliance.audit(load.roster.roster, district: load.district, policy: load.policy)
        #expect(Set(again) == Set(Compliance.audit(roster, district: district, policy: policy)))
    }

    /// Every preset's values and citations come back from 内部-政策 as written.
    @Test(arguments: Presets.names)
    func declaredPolicyReadsBack(preset: String) throws {
        let scratch = try Scratch()
        let named = try #require(Presets.named(preset))
        var policy = Presets.policy(named, termStart: Day(iso: "2026-09-01")!)
        policy.districtName = "测试县"
        let load = try FilingReader.read(path: try Self.write(scratch, policy: policy))
        for key in PolicyKey.all where key.name != "name" {
            #expect(key.display(load.policy) == key.display(policy), "\(preset) \(key.name)")
        }
        for rule in RuleID.allCases { #expect(load.policy.citation(for: rule) == policy.citation(for: rule), "\(preset) \(rule)") }
        #expect(load.district.name == "测试县")
    }

    @Test(.enabled(if: hasOpenpyxl, "python3 with openpyxl is not installed here (.ci/run installs it)"))
    func editsOfTheVisibleSheetsAreNamedAtTheirCells() throws {
        let scratch = try Scratch()
        let path = try Self.write(scratch)
        // 公示: E3 (row 5) handed to I1, the phone of E1 (row 3) changed; 名册 (I1 on row 3): E1 left out.
        let script = URL(fileURLWithPath: #filePath).appendingPathComponent("../../../scripts/edit_xlsx.py").standardized.path
        let result = try python([script, path, "挂牌督导学校一览!G5=I1", "挂牌督导学校一览!H3=139-0000-0000",
                                 "责任督学名册!J3=E2"])
        #expect(result.status == 0)
        let load = try FilingReader.read(path: path)
        #expect(load.edits.map { $0.cellReference ?? "" } == ["挂牌督导学校一览!H3", "挂牌督导学校一览!G5", "责任督学名册!J3"])
        #expect(load.edits.allSatisfy { $0.severity == .error })
        #expect(load.edits.dropFirst().first?.message(in: .zh).contains("在 Duxue 写出后被改动：E3 的督学编号此处为“I1”，内部表记录为“I2”") == true)
        #expect(load.edits.first?.message(in: .en).contains("phone of I1 reads \"139-0000-0000\" here, the internal sheets recorded \"0791-0001\"") == true)
        #expect(load.recorded == FilingRosterReadBackTests.filing().2, "the internal pairs are untouched")
        // The visible pairs are the ones checked: E3 now under I1 (公示) and I2 (名册 still lists it), E1
        // only on the 公示 (I1), E2 under both.
        #expect(Self.pairs(load.roster.roster) == ["E1→I1", "E2→I1", "E2→I2", "E3→I1", "E3→I2", "E4→VACANCY-1"])
    }
}

/// Under `full_time_share_basis = pool`, R4 counts the pool's idle full-time inspectors: the filing lists
/// them on 内部-督学, so the re-check finds the share the district's check found.
@Suite("Filing read back: the pool's full-time share")
struct FilingPoolShareTests {
    @Test func idleFullTimersTravelWithAPoolShare() throws {
        var (_, district, roster, policy) = FilingRosterReadBackTests.filing()
        district.inspectors.append(Inspector(id: Inspector.ID("I3")!, name: "赵敏", employment: .fullTime, zone: Zone("东区")!))
        policy.minFullTimeShare = 0.6
        let scratch = try FilingRosterReadBackTests.Scratch()
        for basis in FullTimeShareBasis.allCases {
            policy.fullTimeShareBasis = basis
            let report = CheckReport(district: district, policy: policy, roster: roster, rosterFile: "r.csv", strict: false,
                                     nearest: nil, language: .zh)
            let path = scratch.path("\(basis.rawValue).xlsx")
            try FilingWriter.write(report, district: district, roster: roster, policy: policy, format: .xlsx, to: path, overwrite: false)
            let load = try FilingReader.read(path: path)
            // Appointees: I1 (full-time), I2, VACANCY-1 (part-time): 1/3 < 60%; with the pool, I3 too: 2/4 < 60%.
            #expect(load.district.inspectors.map(\.id.rawValue) == (basis == .pool ? ["I1", "I2", "I3"] : ["I1", "I2"]))
            let share = Compliance.audit(load.roster.roster, district: load.district, policy: load.policy).filter { $0.rule == .fullTimeShare }
            #expect(share == Compliance.audit(roster, district: district, policy: policy).filter { $0.rule == .fullTimeShare })
            #expect(share.first?.detail == .fullTimeShareLow(fullTime: basis == .pool ? 2 : 1, total: basis == .pool ? 4 : 3,
                                                             minimum: 0.6, missing: basis == .pool ? 1 : 2))
        }
    }
}
