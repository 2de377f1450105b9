/// A policy preset: one jurisdiction's document on top of the national layer.
public struct PolicyPreset: Sendable {
    /// The name used with `--policy` and `preset =`, e.g. `hainan`.
    public let name: String
    /// The jurisdiction in Chinese, e.g. 海南省.
    public let chineseName: String
    /// The document, as cited.
    public let document: String
    /// Values the document sets, by key, with the clause that sets each (applied over the national layer).
    public let settings: [(key: String, value: PolicyValue, source: Citation)]
    /// Citations for keys whose national value the document repeats or leaves open (e.g. a ratio it
    /// states itself, or a rule it names without a figure), by key.
    public let citations: [(key: String, source: Citation)]
    /// What the document leaves open, in Chinese, for `duxue policy show` and docs/policies.md.
    public let notes: [String]
}

/// The presets shipped with Duxue. Each holds exactly what its document says, on top of ``national``;
/// nothing is inherited from another jurisdiction. Quotes are from the documents (simplified
/// characters); clause labels follow each document's own numbering.
public enum Presets {
    /// Every preset's name, national first.
    public static let names = all.map(\.name)

    /// The preset named `name`, if any.
    public static func named(_ name: String) -> PolicyPreset? { all.first { $0.name == name } }

    /// The policy a preset gives, with the given term start (not stated: the caller says whether it was).
    public static func policy(_ preset: PolicyPreset, termStart: Day) -> Policy {
        var policy = nationalLayer(termStart: termStart)
        policy.name = preset.name
        policy.preset = preset.name
        for setting in preset.settings {
            guard let key = PolicyKey.named(setting.key) else { continue }
            // The table's own values: a preset that does not fit its key is a programming error caught by tests.
            try? key.assign(setting.value, to: &policy)
            policy.sources[setting.key] = setting.source
        }
        for (key, source) in preset.citations { policy.sources[key] = source }
        return policy
    }

    /// The national layer alone, which binds every district.
    static func nationalLayer(termStart: Day) -> Policy {
        Policy(
            name: "national", preset: "national", termStart: termStart, schoolsPerInspector: 5,
            largeSchoolEnrollment: 2000, largeSchoolRule: .off, minFullTimeShare: 0, maxYearsRetired: nil, termYears: 3,
            maxConsecutiveTerms: 3, zones: .prefer, staffing: .lean, maxZoneSchools: 20, minTrainingHours: 40,
            sources: nationalSources)
    }

    private static let nationalDocuments = "国家层面文件"

    /// The sources of the national layer, by key.
    static let nationalSources: [String: Citation] = [
        "coverage": Citation(Source.placardMeasures, "", quote: "为区域内每一所学校设置责任督学"),
        "schools_per_inspector": Citation(Source.placardMeasures, "", quote: "按1人负责5所左右学校的标准配备责任督学"),
        "large_school_rule": Citation(nationalDocuments, "", quote: "未规定学生数较多的学校按1:1配备"),
        "large_school_enrollment": Citation.districtChoice.quoting("各文件均未规定“学生数较多”的人数"),
        "min_full_time_share": Citation(nationalDocuments, "", quote: "未规定专职督学最低占比"),
        "full_time_share_basis": Citation.districtChoice,
        "max_years_retired": Citation(nationalDocuments, "", quote: "未规定退休后可任年限"),
        "retirement_checked_at": Citation.districtChoice.quoting("退休年限为聘任条件，在聘任时核查"),
        "term_years": Citation(Source.regulation, "第六条", quote: "兼职督学的任期为3年，可以连续任职，连续任职不得超过3个任期"),
        "max_consecutive_terms": Citation(Source.regulation, "第六条", quote: "兼职督学的任期为3年，可以连续任职，连续任职不得超过3个任期"),
        "max_terms_same_school": Citation.districtChoice.quoting("责任督学定期交流，年限由本区县设定"),
        "zones": Citation(Source.zoneOpinion, "", quote: "合理确定督学责任区数…覆盖所有中小学校"),
        "staffing": Citation.districtChoice,
        "max_zone_schools": Citation(Source.zoneOpinion, "", quote: "一个责任区内的学校数一般应控制在20所以内"),
        "min_training_hours": Citation(Source.inspectorMeasures, "", quote: "督学每年参加的集中培训累计应不少于40学时"),
        "responsible_level": Citation(nationalDocuments, "", quote: "未规定挂牌督学的级别"),
        "recusal": Citation(Source.regulation, "第十条", quote: "督学与被督导单位有利害关系的，应当回避"),
        "stages": Citation(Source.placardMeasures, "", quote: "专兼结合，兼顾小学、初中和高中各个学段"),
        "assessment": Citation(Source.inspectorMeasures, "", quote: "对督学进行考核"),
    ]

    /// Only what national documents fix.
    public static let national = PolicyPreset(
        name: "national", chineseName: "国家层面", document: "《教育督导条例》；《中小学校责任督学挂牌督导办法》；《督学管理暂行办法》；教督〔2012〕7号",
        settings: [], citations: [],
        notes: [
            "国家层面未规定专职督学比例、退休后可任年限和大规模学校1:1配备：这些规则不适用，除非区县在 policy.toml 中设定。",
            "大规模学校的人数门槛、配备方式、跨区方式由区县设定。",
        ])

    /// 枣庄市 室字〔2021〕33号.
    public static let zaozhuang = PolicyPreset(
        name: "zaozhuang", chineseName: "枣庄市",
        document: "中共枣庄市委办公室、枣庄市人民政府办公室《枣庄市深化新时代教育督导体制机制改革的实施方案》（室字〔2021〕33号，2021-09-29）",
        settings: [
            ("large_school_rule", .text("require"), Citation(Source.zaozhuang, "三（二）", quote: "部分学生数较多的学校按1:1的比例聘用责任督学")),
            ("max_years_retired", .integer(3), Citation(Source.zaozhuang, "三（二）", quote: "专兼职督学应在职或退休时间不超过3年")),
        ],
        citations: [
            ("schools_per_inspector", Citation(Source.zaozhuang, "三（二）", quote: "原则上按照督学与学校数1:5的比例聘用责任督学")),
            ("assessment", Citation(Source.zaozhuang, "三（三）", quote: "对不服从工作安排、履行职责不到位…的督学，根据情节轻重给予批评教育直至解聘")),
        ],
        notes: ["未规定专职督学比例：R4 不适用。", "“学生数较多”的人数未规定，由区县设定（large_school_enrollment）。"])

    /// 天津市《关于深化新时代教育督导体制机制改革的若干措施》.
    public static let tianjin = PolicyPreset(
        name: "tianjin", chineseName: "天津市",
        document: "天津市委办公厅、市政府办公厅《关于深化新时代教育督导体制机制改革的若干措施》",
        settings: [
            ("large_school_rule", .text("allow"), Citation(Source.tianjin, "第十四条", quote: "在校生较多的学校可适当提高比例，最高可按1∶1的比例配备")),
            ("min_training_hours", .integer(40), Citation(Source.tianjin, "第十七条", quote: "督学每年参加岗位履职脱产培训时间不少于40学时")),
        ],
        citations: [
            ("schools_per_inspector", Citation(Source.tianjin, "第十四条", quote: "各区政府要按照督学数与学校数1∶5的比例配备责任督学")),
            ("assessment", Citation(Source.tianjin, "第十六条", quote: "建立督学退出制度，对责任心不强、不认真履职尽责的，由本级政府取消任命或者由教育督导机构予以解聘")),
        ],
        notes: [
            "1:1 是许可和上限（可适当提高比例，最高可按1∶1），不是要求：大规模学校可以与其他学校共用督学。",
            "未规定专职督学比例和退休后可任年限：R4、R5 不适用。",
            "区政府聘任督学须向市政府教育督导委员会报备（第十四条）。",
        ])

    /// 重庆市 渝委办发〔2020〕43号.
    public static let chongqing = PolicyPreset(
        name: "chongqing", chineseName: "重庆市",
        document: "中共重庆市委办公厅、重庆市人民政府办公厅《深化新时代教育督导体制机制改革落实措施》（渝委办发〔2020〕43号，2020-12-31）",
        settings: [
            ("large_school_rule", .text("require"), Citation(Source.chongqing, "（十五）", quote: "部分学生数较多的学校按1:1的比例配备")),
            ("responsible_level", .text("county"), Citation(Source.chongqing, "（十五）", quote: "挂牌督学原则上由区县督学担任")),
        ],
        citations: [
            ("schools_per_inspector", Citation(Source.chongqing, "（十五）", quote: "各区县督学原则上按与学校数1:5的比例配备")),
            ("min_full_time_share", Citation(Source.chongqing, "（十五）", quote: "逐步扩大专职督学比例")),
            ("recusal", Citation(Source.chongqing, "（十六）", quote: "严格实行督学回避制度")),
            ("assessment", Citation(Source.chongqing, "（十六）", quote: "经考核不合格、未按规定履职或者有违法违纪行为的督学，按程序予以解任或解聘")),
        ],
        notes: [
            "“逐步扩大专职督学比例”未规定最低比例：R4 不适用。",
            "未规定退休后可任年限：R5 不适用。",
            "区县专兼职督学应当报市教育督导机构备案（（十五））。",
        ])

    /// 武胜县 2021 实施方案.
    public static let wusheng = PolicyPreset(
        name: "wusheng", chineseName: "武胜县",
        document: "武胜县人民政府办公室《武胜县深化新时代教育督导体制机制改革实施方案》（2021-02-05）",
        settings: [
            ("large_school_rule", .text("require"), Citation(Source.wusheng, "§15", quote: "（学生数较多的学校按1:1的比例）")),
        ],
        citations: [
            ("coverage", Citation(Source.wusheng, "§4", quote: "每所中小学（幼儿园）配备1名挂牌责任督学")),
            ("schools_per_inspector", Citation(Source.wusheng, "§15", quote: "原则上按照督学与学校数不低于1:5的比例标准")),
            ("term_years", Citation(Source.wusheng, "§15", quote: "兼职督学的任期为3年，连续任职不得超过3个任期")),
            ("max_consecutive_terms", Citation(Source.wusheng, "§15", quote: "兼职督学的任期为3年，连续任职不得超过3个任期")),
            ("max_years_retired", Citation(Source.wusheng, "§15", quote: "注重聘用退休时间不长且身体健康…的干部担任督学")),
            ("assessment", Citation(Source.wusheng, "§16", quote: "健全督学考核管理办法和退出机制")),
        ],
        notes: [
            "“退休时间不长”没有年数：R5 不适用，区县可在 policy.toml 中设定 max_years_retired。",
            "未规定专职督学比例：R4 不适用。",
        ])

    /// 海南省 琼办发〔2021〕13号.
    public static let hainan = PolicyPreset(
        name: "hainan", chineseName: "海南省",
        document: "中共海南省委办公厅、海南省人民政府办公厅《关于深化新时代教育督导体制机制改革的实施方案》（琼办发〔2021〕13号，2021-04-15）",
        settings: [
            ("large_school_rule", .text("require"), Citation(Source.hainan, "§16", quote: "学生数较多的学校按1∶1的比例配备")),
            ("min_full_time_share", .number(0.2), Citation(Source.hainan, "§16", quote: "其中专职督学占比不低于20%")),
        ],
        citations: [
            ("schools_per_inspector", Citation(Source.hainan, "§16", quote: "各市县督学原则上按与区域内督导范围学校数1∶5的比例配备")),
            ("max_years_retired", Citation(Source.hainan, "§17", quote: "从退休时间不长且身体健康的校长、教师、国内外专家中，聘用一批…督学")),
            ("assessment", Citation(Source.hainan, "§16", quote: "探索建立督学退出机制")),
        ],
        notes: ["“退休时间不长”没有年数：R5 不适用，区县可在 policy.toml 中设定 max_years_retired。"])

    /// Every rule of the five documents together (for demonstration and comparison; not any one
    /// district's law).
    public static let combined = PolicyPreset(
        name: "combined", chineseName: "合并（各文件规则合用）", document: "以上五份地方文件与国家层面规定合用",
        settings: [
            ("large_school_rule", .text("require"), Citation(Source.zaozhuang, "三（二）", quote: "部分学生数较多的学校按1:1的比例聘用责任督学")),
            ("min_full_time_share", .number(0.2), Citation(Source.hainan, "§16", quote: "其中专职督学占比不低于20%")),
            ("max_years_retired", .integer(3), Citation(Source.zaozhuang, "三（二）", quote: "专兼职督学应在职或退休时间不超过3年")),
            ("responsible_level", .text("county"), Citation(Source.chongqing, "（十五）", quote: "挂牌督学原则上由区县督学担任")),
        ],
        citations: [],
        notes: ["各规则取自不同地区的文件，仅供演示和比较；实际编制请选用本地区的预设或 policy.toml。"])

    /// Every preset, national first.
    public static let all: [PolicyPreset] = [national, zaozhuang, tianjin, chongqing, wusheng, hainan, combined]
}
