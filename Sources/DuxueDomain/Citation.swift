/// A source document and clause that a rule or a policy value comes from.
///
/// `document` is the short form a report prints (it names the jurisdiction or issuer and, where the
/// document has one, its number: "海南省 琼办发〔2021〕13号"); `quote` is the clause's own words, in
/// simplified characters, as `duxue policy show` and docs/policies.md print them.
public struct Citation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The document, e.g. "海南省 琼办发〔2021〕13号".
    public let document: String
    /// The clause, e.g. "§16" or "第十四条"; empty when the whole document is meant.
    public let clause: String
    /// The clause's words, quoted from the document (may be empty).
    public let quote: String

    /// A citation.
    public init(_ document: String, _ clause: String, quote: String = "") {
        self.document = document
        self.clause = clause
        self.quote = quote
    }

    /// "document clause".
    public var description: String { clause.isEmpty ? document : "\(document) \(clause)" }

    /// The same document and clause with the clause's words.
    public func quoting(_ words: String) -> Citation { Citation(document, clause, quote: words) }

    /// The district's own choice, where no document fixes a value.
    public static let districtChoice = Citation("本区县设定", "")

    /// Equal when document and clause are (the quote is commentary).
    public static func == (lhs: Citation, rhs: Citation) -> Bool {
        lhs.document == rhs.document && lhs.clause == rhs.clause
    }

    /// Hashes document and clause.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(document)
        hasher.combine(clause)
    }
}

/// The documents Duxue's rules come from, as reports cite them: jurisdiction or issuer, and number or
/// short title (the presets' `document` gives the full titles),
/// checked against the texts in the project's `shared/seeds` (the national ones by their published
/// titles; those texts are not among the seeds). Clauses are cited as each document numbers them.
public enum Source {
    // MARK: National layer (binds every district)

    /// 《教育督导条例》(国务院令第624号, 2012).
    public static let regulation = "国务院《教育督导条例》"
    /// 《中小学校责任督学挂牌督导办法》(国务院教育督导委员会办公室, 2013).
    public static let placardMeasures = "国务院教督办《中小学校责任督学挂牌督导办法》（2013）"
    /// 《督学管理暂行办法》(教育部, 2016).
    public static let inspectorMeasures = "教育部《督学管理暂行办法》（2016）"
    /// 教督〔2012〕7号《教育部关于加强督学责任区建设的意见》.
    public static let zoneOpinion = "教育部 教督〔2012〕7号"
    /// 厅字〔2020〕1号, the national reform opinion.
    public static let reformOpinion = "中办 国办 厅字〔2020〕1号"

    // MARK: Provincial, municipal and county documents

    /// Zaozhuang (枣庄市), 室字〔2021〕33号, 2021-09-29.
    public static let zaozhuang = "枣庄市 室字〔2021〕33号"
    /// Tianjin (天津市), 《关于深化新时代教育督导体制机制改革的若干措施》.
    public static let tianjin = "天津市《若干措施》"
    /// Chongqing (重庆市), 渝委办发〔2020〕43号, 2020-12-31.
    public static let chongqing = "重庆市 渝委办发〔2020〕43号"
    /// Wusheng county (四川省武胜县), 2021-02-05.
    public static let wusheng = "武胜县《实施方案》（2021）"
    /// Hainan (海南省), 琼办发〔2021〕13号.
    public static let hainan = "海南省 琼办发〔2021〕13号"
}
