import DuxueDomain
import Testing

/// Each preset against what its document says (shared/seeds), and the national layer under all of them.
@Suite("Policy presets") struct PresetTests {
    private let start = Day(iso: "2027-09-01")!

    private func policy(_ name: String) throws -> Policy {
        Presets.policy(try #require(Presets.named(name)), termStart: start)
    }

    /// No preset borrows another jurisdiction's figure: only Hainan sets a full-time share, only
    /// Zaozhuang a retirement window; only `combined` has both.
    @Test func figuresStayWithTheirDocuments() throws {
        for name in ["national", "zaozhuang", "tianjin", "chongqing", "wusheng"] {
            #expect(try policy(name).minFullTimeShare == 0, "\(name)")
            #expect(!(try policy(name).imposes(.fullTimeShare)), "\(name)")
        }
        #expect(try policy("hainan").minFullTimeShare == 0.2)
        #expect(try policy("hainan").citation(for: .fullTimeShare).clause == "§16")
        for name in ["national", "tianjin", "chongqing", "wusheng", "hainan"] {
            #expect(try policy(name).maxYearsRetired == nil, "\(name)")
            #expect(!(try policy(name).imposes(.retirement)), "\(name)")
        }
        #expect(try policy("zaozhuang").maxYearsRetired == 3)
        #expect(try policy("combined").maxYearsRetired == 3)
        #expect(try policy("combined").minFullTimeShare == 0.2)
    }

    /// 1:1 is required by Zaozhuang, Chongqing, Wusheng and Hainan; Tianjin only allows it (最高可按1∶1);
    /// the national layer has no such rule.
    @Test func largeSchools() throws {
        #expect(try policy("tianjin").largeSchoolRule == .allow)
        #expect(try policy("national").largeSchoolRule == .off)
        for name in ["zaozhuang", "chongqing", "wusheng", "hainan", "combined"] {
            #expect(try policy(name).largeSchoolRule == .require, "\(name)")
        }
        let big = School(id: School.ID("S1")!, name: "S1", enrollment: 3000, zone: Zone("A")!)
        #expect(!big.isLarge(under: try policy("tianjin")))
        #expect(big.isLargeBySize(under: try policy("tianjin")))
        #expect(big.isLarge(under: try policy("hainan")))
    }

    /// Every rule cites the preset's own document where it sets the rule, the national layer otherwise.
    @Test func citationsUnderThePolicyInUse() throws {
        #expect(try policy("tianjin").citation(for: .ratio).clause == "第十四条")
        #expect(try policy("tianjin").citation(for: .ratio).document.hasPrefix("天津市"))
        #expect(try policy("tianjin").citation(for: .training).clause == "第十七条")
        #expect(try policy("chongqing").citation(for: .recusal).clause == "（十六）")
        #expect(try policy("chongqing").responsibleLevel == .county)
        #expect(try policy("wusheng").citation(for: .coverage).clause == "§4")
        #expect(try policy("wusheng").citation(for: .termLimit).clause == "§15")
        #expect(try policy("national").citation(for: .termLimit).clause == "第六条")
        #expect(try policy("national").citation(for: .recusal).clause == "第十条")
        #expect(try policy("national").citation(for: .zoneSize).document.contains("教督〔2012〕7号"))
        #expect(try policy("zaozhuang").citation(for: .retirement).clause == "三（二）")
        #expect(try policy("hainan").citation(for: .ratio).document.contains("琼办发〔2021〕13号"))
        // 1:5 everywhere, 3-year terms and at most 3 in a row from the national layer.
        for preset in Presets.all {
            let p = Presets.policy(preset, termStart: start)
            #expect(p.schoolsPerInspector == 5 && p.termYears == 3 && p.maxConsecutiveTerms == 3, "\(preset.name)")
        }
    }

    /// Every citation names its jurisdiction or issuer, in simplified characters, and every key and
    /// rule of every preset has one.
    @Test func everyCitationNamesItsIssuerInSimplifiedCharacters() {
        let traditional: Set<Character> = ["瓊", "辦", "發", "號", "關", "於", "導", "學", "實", "機", "製", "體", "專", "職", "數", "應"]
        for preset in Presets.all {
            let p = Presets.policy(preset, termStart: start)
            for rule in RuleID.allCases {
                let citation = p.citation(for: rule)
                #expect(!citation.document.isEmpty, "\(preset.name) \(rule)")
                #expect(!"\(citation)\(citation.quote)".contains { traditional.contains($0) }, "\(preset.name) \(rule): \(citation)")
            }
            for key in PolicyKey.citableKeys { #expect(p.sources[key] != nil, "\(preset.name) \(key)") }
        }
    }

    /// Every value a preset sets fits its key (the table accepts it).
    @Test func presetValuesFitTheirKeys() throws {
        for preset in Presets.all {
            for setting in preset.settings {
                let key = try #require(PolicyKey.named(setting.key))
                #expect(throws: Never.self) { _ = try key.checked(setting.value) }
            }
        }
    }
}
