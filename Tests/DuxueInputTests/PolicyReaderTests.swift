import DuxueDomain
import Testing

@testable import DuxueInput

@Suite("Policy reading")
struct PolicyReaderTests {
    let today = Day(year: 2026, month: 3, day: 15)!

    func preset(_ name: String) throws -> Policy {
        try PolicyReader.load(nameOrPath: name, termStart: nil, today: today)
    }

    @Test func combinedPresetIsTheDomainDefaultsAndNationalTheBase() throws {
        var combined = try preset("combined")
        combined.termStartStated = true
        #expect(combined == Policy(termStart: today))
        let base = try PolicyReader.load(nameOrPath: nil, termStart: termStart, today: today)
        #expect(base == Presets.policy(Presets.national, termStart: termStart))
        #expect(base.termStartStated)
        #expect(!(try preset("national")).termStartStated, "a preset alone states no term start")
    }

    /// Every preset file in Data/policies reads to exactly its preset.
    @Test func presetFilesReadToTheirPresets() throws {
        for name in PolicyReader.presetNames {
            let file = try PolicyReader.load(nameOrPath: Fixtures.presets + "/\(name).toml", termStart: nil, today: today)
            var expected = try preset(name)
            expected.name = Fixtures.presets + "/\(name).toml"
            #expect(file == expected, "\(name)")
            #expect(file.sources == expected.sources, "\(name)")
        }
    }

    @Test func presetNamesAreCaseInsensitiveAndTermStartOverrides() throws {
        let policy = try PolicyReader.load(nameOrPath: "Hainan", termStart: termStart, today: today)
        #expect(policy.name == "hainan")
        #expect(policy.termStart == termStart)
        #expect(policy.termStartStated)
    }

    @Test func unknownPresetSuggestsTheNearestName() {
        let found = problems { _ = try PolicyReader.load(nameOrPath: "hainna", termStart: nil, today: today) }
        #expect(found.map(Spot.init) == [Spot("hainna", nil, nil, .policyNotFound(
            nameOrPath: "hainna", presets: PolicyReader.presetNames, suggestion: "hainan"))])
    }

    /// Line and column of every mistake, all at once.
    @Test func everyMistakeOfAPolicyFileIsReportedWithItsLineAndColumn() {
        let path = Fixtures.path("policies/bad.toml")
        let found = problems { _ = try PolicyReader.load(nameOrPath: path, termStart: nil, today: today) }
        #expect(found.map(Spot.init) == [
            Spot(path, 3, 1, .unknownKey(
                key: "min_full_time_shar", table: nil, suggestion: "min_full_time_share", accepted: PolicyReader.knownKeys)),
            Spot(path, 4, 23, .outOfRange(key: "min_full_time_share", value: "1.5", minimum: 0, maximum: 1)),
            Spot(path, 5, 14, .wrongType(key: "term_years", expected: "integer", found: "string")),
            Spot(path, 6, 9, .badChoice(value: "always", key: "zones", accepted: ["require", "prefer", "ignore"])),
            Spot(path, 9, 1, .unknownKey(
                key: "zone", table: "sources", suggestion: "zones", accepted: PolicyReader.citableKeys)),
        ])
        #expect(found[1].message == "min_full_time_share 1.5 is outside 0…1")
        #expect(found[1].fix == "write a fraction from 0 to 1, e.g. min_full_time_share = 0.20 for 20%")
    }

    @Test func shareAboveOneAndNegativeRatioAreRejected() {
        let found = problems {
            _ = try PolicyReader.parse(
                "min_full_time_share = 20\nschools_per_inspector = -5\n", file: "p.toml", name: "p", termStart: nil,
                today: today)
        }
        #expect(found.map(Spot.init) == [
            Spot("p.toml", 1, 23, .outOfRange(key: "min_full_time_share", value: "20", minimum: 0, maximum: 1)),
            Spot("p.toml", 2, 25, .outOfRange(key: "schools_per_inspector", value: "-5", minimum: 1, maximum: nil)),
        ])
        #expect(found[1].message == "schools_per_inspector -5 is below 1")
        #expect(found[0].fix(in: .zh) == "请写成 0 到 1 之间的小数，如 20% 写 min_full_time_share = 0.20")
    }

    @Test func syntaxErrorsCarryTheirLineAndColumn() throws {
        let path = Fixtures.path("policies/syntax.toml")
        let found = problems { _ = try PolicyReader.load(nameOrPath: path, termStart: nil, today: today) }
        #expect(found.count == 1)
        let problem = try #require(found.first)
        #expect(problem.line == 2)
        #expect(problem.column != nil)
        guard case .tomlError = problem.kind else {
            Issue.record("expected a syntax error, got \(String(describing: problem.kind))")
            return
        }
        #expect(problem.message.hasPrefix("toml syntax error: "))
        #expect(problem.message(in: .zh).contains("TOML 格式错误"))
    }

    /// Text that aborted the old C++ parser is an ordinary error with a position now: Chinese bare keys,
    /// a stray [, a } inside an array.
    @Test func chineseKeysAndStrayBracketsAreErrorsNotCrashes() {
        for text in ["来源 = 1\n", "[\n", "d = [}\n", "[学校]\nx = 1\n", "a = \"\u{0}\"\n"] {
            let found = problems { _ = try PolicyReader.parse(text, file: "p.toml", name: "p", termStart: nil, today: today) }
            #expect(found.count == 1, "\(text.debugDescription)")
            #expect(found.first?.line == 1, "\(text.debugDescription)")
        }
    }

    @Test func rotationKeyIsReadAndStringDatesAndIntegerSharesWork() throws {
        let policy = try PolicyReader.load(nameOrPath: Fixtures.path("policies/reserved.toml"), termStart: nil, today: today)
        #expect(policy.termStart == Day(year: 2026, month: 9, day: 1)!)
        #expect(policy.termStartStated)
        #expect(policy.minFullTimeShare == 0)
        #expect(policy.schoolsPerInspector == 5)
        #expect(policy.maxTermsSameSchool == 2)
        #expect(policy.sources["max_terms_same_school"] == .districtChoice)
    }

    /// A file that names no preset starts from national; keys it sets apply over it.
    @Test func folderPolicyStartsFromNational() throws {
        let folder = Fixtures.path("with-policy")
        let policy = try PolicyReader.load(district: folder, option: nil, termStart: nil, today: today)
        var expected = Presets.policy(Presets.national, termStart: Day(year: 2026, month: 9, day: 1)!)
        expected.name = "示范区"
        expected.schoolsPerInspector = 4
        expected.zones = .require
        expected.sources["schools_per_inspector"] = .districtChoice
        expected.sources["zones"] = Citation("区教育局 2026", "第三条")
        #expect(policy == expected)
        #expect(policy.sources == expected.sources)

        let overridden = try PolicyReader.load(
            district: folder, option: nil, termStart: termStart.addingYears(1), today: today)
        #expect(overridden.termStart == Day(year: 2027, month: 9, day: 1)!)
    }

    /// A preset named in the file is the base; setting the threshold turns 1:1 on; setting the share
    /// or the retirement window turns those rules on.
    @Test func presetKeyAndKeysThatTurnRulesOn() throws {
        let hainan = try PolicyReader.parse(
            "preset = \"hainan\"\nmax_years_retired = 5\n", file: "p.toml", name: "p", termStart: nil, today: today)
        #expect(hainan.preset == "hainan")
        #expect(hainan.minFullTimeShare == 0.2)
        #expect(hainan.maxYearsRetired == 5)
        #expect(hainan.imposes(.retirement))
        #expect(hainan.sources["max_years_retired"] == .districtChoice)
        #expect(hainan.sources["min_full_time_share"]?.clause == "§16")
        let national = try PolicyReader.parse(
            "large_school_enrollment = 1800\nmin_full_time_share = 0.25\n", file: "p.toml", name: "p", termStart: nil,
            today: today)
        #expect(national.largeSchoolRule == .require)
        #expect(national.imposes(.dedicated) && national.imposes(.fullTimeShare))
        let allow = try PolicyReader.parse(
            "large_school_enrollment = 1800\nlarge_school_rule = \"allow\"\n", file: "p.toml", name: "p", termStart: nil,
            today: today)
        #expect(allow.largeSchoolRule == .allow)
        let off = try PolicyReader.parse(
            "preset = \"zaozhuang\"\nmax_years_retired = \"off\"\n", file: "p.toml", name: "p", termStart: nil, today: today)
        #expect(off.maxYearsRetired == nil)
        let bad = problems {
            _ = try PolicyReader.parse("preset = \"tianjn\"\n", file: "p.toml", name: "p", termStart: nil, today: today)
        }
        #expect(bad.map(Spot.init) == [
            Spot("p.toml", 1, 10, .badChoice(value: "tianjn", key: "preset", accepted: PolicyReader.presetNames)),
        ])
    }

    /// `--policy NAME` replaces the rules and keeps the district's term start and name.
    @Test func presetOptionKeepsTheDistrictsFacts() throws {
        let policy = try PolicyReader.load(
            district: Fixtures.path("with-policy"), option: "hainan", termStart: nil, today: today)
        #expect(policy.name == "hainan")
        #expect(policy.schoolsPerInspector == 5)
        #expect(policy.zones == .prefer)
        #expect(policy.termStart == Day(year: 2026, month: 9, day: 1)!)
        #expect(policy.termStartStated)
    }

    @Test func folderWithoutPolicyUsesNationalAndSaysTheTermStartIsToday() throws {
        let policy = try PolicyReader.load(district: Fixtures.path("english"), option: nil, termStart: nil, today: today)
        #expect(policy.preset == "national")
        #expect(policy.termStart == today)
        #expect(!policy.termStartStated)
    }

    @Test func zoneAndStaffingWordsAreCaseInsensitive() throws {
        let policy = try PolicyReader.parse(
            "zones = \"Require\"\nstaffing = \"SPREAD\"\n", file: "p.toml", name: "p", termStart: termStart, today: today)
        #expect(policy.zones == .require)
        #expect(policy.staffing == .spread)
    }

    @Test func citationsSplitOnlyAtAClause() {
        #expect(PolicyReader.citation(from: "琼办发〔2021〕13号 §16") == Citation("琼办发〔2021〕13号", "§16"))
        #expect(PolicyReader.citation(from: "枣庄 室字〔2021〕33号 三(二)") == Citation("枣庄 室字〔2021〕33号", "三(二)"))
        #expect(PolicyReader.citation(from: "天津市 2021") == Citation("天津市 2021", ""))
        #expect(PolicyReader.citation(from: "《教育督导条例》 第六条") == Citation("《教育督导条例》", "第六条"))
    }
}

/// Fixes found in review: bounded numbers, a key given under two names, a policy file keeping the
/// district's facts.
@Suite("Policy reading: review fixes")
struct PolicyReaderReviewTests {
    let today = Day(year: 2026, month: 3, day: 15)!

    /// A number past any term length or retirement window is refused, not trapped on.
    @Test func hugeNumbersAreOutOfRange() {
        for key in ["term_years", "max_years_retired", "schools_per_inspector", "max_consecutive_terms"] {
            let found = problems {
                _ = try PolicyReader.parse("\(key) = 9223372036854775807\n", file: "p.toml", name: "p", termStart: nil, today: today)
            }
            #expect(found.count == 1, "\(key)")
            guard case .outOfRange(let name, _, _, let maximum)? = found.first?.kind else {
                Issue.record("\(key): \(found)")
                continue
            }
            #expect(name == key && maximum != nil)
        }
    }

    /// `preset` and `"预设"`, or a key and its Chinese name, are one key given twice.
    @Test func aKeyUnderTwoNamesIsAnError() {
        let found = problems {
            _ = try PolicyReader.parse("min_full_time_share = 0.3\n\"专职督学最低占比\" = 0.1\n", file: "p.toml", name: "p",
                                       termStart: nil, today: today)
        }
        #expect(found.map(\.line) == [2])
        #expect(found.first?.message(in: .en).contains("repeats") == true)
    }

    /// `--policy FILE` (a preset written out as a file) keeps the district's term start and name.
    @Test func aPolicyFileKeepsTheDistrictsFacts() throws {
        let policy = try PolicyReader.load(
            district: Fixtures.path("with-policy"), option: Fixtures.presets + "/hainan.toml", termStart: nil, today: today)
        #expect(policy.termStart == Day(year: 2026, month: 9, day: 1)!)
        #expect(policy.termStartStated)
        #expect(policy.minFullTimeShare == 0.2)
    }
}
