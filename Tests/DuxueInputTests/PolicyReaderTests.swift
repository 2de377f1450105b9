import DuxueDomain
import Testing

@testable import DuxueInput

@Suite("Policy reading")
struct PolicyReaderTests {
    let today = Day(year: 2026, month: 3, day: 15)!

    func preset(_ name: String) throws -> Policy {
        try PolicyReader.load(nameOrPath: name, termStart: nil, presetsFolder: Fixtures.presets, today: today)
    }

    @Test func combinedPresetIsTheDomainDefaults() throws {
        #expect(try preset("combined") == Policy(termStart: today))
        #expect(try PolicyReader.load(nameOrPath: nil, termStart: termStart, presetsFolder: Fixtures.presets, today: today)
            == Policy(termStart: termStart))
    }

    @Test func everyPresetLoadsAndCitesItsDocument() throws {
        for name in PolicyReader.presetNames {
            let policy = try preset(name)
            #expect(policy.name == name)
            #expect(policy.termStart == today, "presets set no term_start")
        }
        let hainan = try preset("hainan")
        #expect(hainan.minFullTimeShare == 0.20)
        #expect(hainan.sources["min_full_time_share"] == .hainan16)
        let zaozhuang = try preset("zaozhuang")
        #expect(zaozhuang.maxYearsRetired == 3)
        #expect(zaozhuang.sources["max_years_retired"] == .zaozhuang)
        let wusheng = try preset("wusheng")
        #expect(wusheng.termYears == 3 && wusheng.maxConsecutiveTerms == 3)
        #expect(wusheng.sources["term_years"] == .wusheng15)
        #expect(wusheng.sources["max_consecutive_terms"] == .wusheng15)
        let national = try preset("national")
        #expect(national.schoolsPerInspector == 5)
        #expect(national.minFullTimeShare == 0)
        #expect(national.sources["schools_per_inspector"] == .national)
        #expect(national.sources["term_years"] == .regulationArt6)
        #expect(try preset("tianjin").sources["schools_per_inspector"] == .tianjin)
        #expect(try preset("chongqing").sources["schools_per_inspector"] == .chongqing)
    }

    @Test func presetFilesHaveACommentHeaderAndNoTermStart() throws {
        for name in PolicyReader.presetNames {
            let text = String(decoding: try FileSystem.readBytes(Fixtures.presets + "/\(name).toml"), as: UTF8.self)
            #expect(text.hasPrefix("# Preset \"\(name)\""))
            #expect(!text.split(separator: "\n").contains { $0.hasPrefix("term_start") })
        }
    }

    @Test func presetNamesAreCaseInsensitiveAndTermStartOverrides() throws {
        let policy = try PolicyReader.load(
            nameOrPath: "Hainan", termStart: termStart, presetsFolder: Fixtures.presets, today: today)
        #expect(policy.name == "hainan")
        #expect(policy.termStart == termStart)
    }

    @Test func unknownPresetSuggestsTheNearestName() {
        let found = problems {
            _ = try PolicyReader.load(nameOrPath: "hainna", termStart: nil, presetsFolder: Fixtures.presets, today: today)
        }
        #expect(found.map(Spot.init) == [Spot("hainna", nil, nil, .policyNotFound(
            nameOrPath: "hainna", presets: PolicyReader.presetNames, suggestion: "hainan"))])
        #expect(found.first?.message == "no preset or policy file named \"hainna\"; did you mean \"hainan\"?")
    }

    @Test func missingPresetFileIsReportedButCombinedFallsBackToDefaults() throws {
        let empty = Fixtures.temporaryFolder()
        let found = problems {
            _ = try PolicyReader.load(nameOrPath: "hainan", termStart: nil, presetsFolder: empty, today: today)
        }
        #expect(found.map(\.kind) == [.presetMissing(name: "hainan", path: empty + "/hainan.toml")])
        #expect(try PolicyReader.load(nameOrPath: "combined", termStart: nil, presetsFolder: empty, today: today)
            == Policy(termStart: today))
    }

    @Test func everyMistakeOfAPolicyFileIsReportedWithItsLine() {
        let path = Fixtures.path("policies/bad.toml")
        let found = problems {
            _ = try PolicyReader.load(nameOrPath: path, termStart: nil, presetsFolder: Fixtures.presets, today: today)
        }
        #expect(found.map(Spot.init) == [
            Spot(path, 3, nil, .unknownKey(
                key: "min_full_time_shar", table: nil, suggestion: "min_full_time_share", accepted: PolicyReader.knownKeys)),
            Spot(path, 4, nil, .outOfRange(key: "min_full_time_share", value: "1.5", minimum: 0, maximum: 1)),
            Spot(path, 5, nil, .wrongType(key: "term_years", expected: "integer", found: "string")),
            Spot(path, 6, nil, .badChoice(value: "always", key: "zones", accepted: ["require", "prefer", "ignore"])),
            Spot(path, 9, nil, .unknownKey(
                key: "zone", table: "sources", suggestion: "zones", accepted: PolicyReader.citableKeys)),
        ])
        #expect(found[0].description == "\(path):3: error: unknown key \"min_full_time_shar\"; did you mean "
            + "\"min_full_time_share\"?; fix: rename it to \"min_full_time_share\"")
        #expect(found[1].description == "\(path):4: error: min_full_time_share 1.5 is outside 0…1; "
            + "fix: write a fraction from 0 to 1, e.g. min_full_time_share = 0.20 for 20%")
        #expect(found[2].message == "term_years is a string, expected an integer")
    }

    @Test func shareAboveOneAndNegativeRatioAreRejected() {
        let found = problems {
            _ = try PolicyReader.parse(
                "min_full_time_share = 20\nschools_per_inspector = -5\n", file: "p.toml", name: "p", termStart: nil,
                today: today)
        }
        #expect(found.map(Spot.init) == [
            Spot("p.toml", 1, nil, .outOfRange(key: "min_full_time_share", value: "20", minimum: 0, maximum: 1)),
            Spot("p.toml", 2, nil, .outOfRange(key: "schools_per_inspector", value: "-5", minimum: 1, maximum: nil)),
        ])
        #expect(found[1].message == "schools_per_inspector -5 is below 1")
        #expect(found[0].message(in: .zh) == "p.toml 第 1 行：min_full_time_share 的值 20 超出范围 0～1；"
            + "请写成 0 到 1 之间的小数，如 20% 写 min_full_time_share = 0.20")
    }

    @Test func syntaxErrorsCarryTheirLine() throws {
        let path = Fixtures.path("policies/syntax.toml")
        let found = problems {
            _ = try PolicyReader.load(nameOrPath: path, termStart: nil, presetsFolder: Fixtures.presets, today: today)
        }
        #expect(found.count == 1)
        let problem = try #require(found.first)
        #expect(problem.line == 2)
        guard case .tomlSyntax = problem.kind else {
            Issue.record("expected a syntax error, got \(problem.kind)")
            return
        }
        #expect(problem.message.hasPrefix("toml syntax error: "))
    }

    @Test func rotationKeyIsReadAndStringDatesAndIntegerSharesWork() throws {
        let policy = try PolicyReader.load(
            nameOrPath: Fixtures.path("policies/reserved.toml"), termStart: nil, presetsFolder: Fixtures.presets,
            today: today)
        #expect(policy.termStart == Day(year: 2026, month: 9, day: 1)!)
        #expect(policy.minFullTimeShare == 0)
        #expect(policy.sources["min_full_time_share"] == .districtChoice)
        #expect(policy.schoolsPerInspector == 5)
        #expect(policy.maxTermsSameSchool == 2)
        #expect(policy.sources["max_terms_same_school"] == .districtChoice)
    }

    @Test func folderPolicyOverridesOnlyTheKeysItSets() throws {
        let folder = Fixtures.path("with-policy")
        let policy = try PolicyReader.load(
            districtFolder: folder, option: nil, termStart: nil, presetsFolder: Fixtures.presets, today: today)
        var expected = Policy(termStart: Day(year: 2026, month: 9, day: 1)!)
        expected.name = "示范区"
        expected.schoolsPerInspector = 4
        expected.zones = .require
        expected.sources["schools_per_inspector"] = .districtChoice
        expected.sources["zones"] = Citation("区教育局 2026", "第三条")
        #expect(policy == expected)

        let overridden = try PolicyReader.load(
            districtFolder: folder, option: nil, termStart: termStart.addingYears(1), presetsFolder: Fixtures.presets,
            today: today)
        #expect(overridden.termStart == Day(year: 2027, month: 9, day: 1)!)
    }

    @Test func policyOptionWinsOverTheFolderFile() throws {
        let policy = try PolicyReader.load(
            districtFolder: Fixtures.path("with-policy"), option: "hainan", termStart: nil,
            presetsFolder: Fixtures.presets, today: today)
        #expect(policy.name == "hainan")
        #expect(policy.schoolsPerInspector == 5)
        #expect(policy.zones == .prefer)
    }

    @Test func folderWithoutPolicyUsesCombined() throws {
        let policy = try PolicyReader.load(
            districtFolder: Fixtures.path("english"), option: nil, termStart: nil, presetsFolder: Fixtures.presets,
            today: today)
        #expect(policy == Policy(termStart: today))
    }

    @Test func zoneAndStaffingWordsAreCaseInsensitive() throws {
        let policy = try PolicyReader.parse(
            "zones = \"Require\"\nstaffing = \"SPREAD\"\n", file: "p.toml", name: "p", termStart: termStart, today: today)
        #expect(policy.zones == .require)
        #expect(policy.staffing == .spread)
    }

    @Test func citationsSplitOnlyAtAClause() {
        #expect(PolicyReader.citation(from: "琼办发〔2021〕13号 §16") == .hainan16)
        #expect(PolicyReader.citation(from: "枣庄 室字〔2021〕33号 三(二)") == .zaozhuang)
        #expect(PolicyReader.citation(from: "天津市 2021") == .tianjin)
        #expect(PolicyReader.citation(from: "《教育督导条例》 第六条") == .regulationArt6)
    }
}
