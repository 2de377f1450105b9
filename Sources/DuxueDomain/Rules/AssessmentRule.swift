/// R16 assessment: an inspector who failed the last assessment (考核不合格) is not appointed.
/// Source (policy key `assessment`): the exit clauses — Chongqing (十六) 经考核不合格…按程序予以解任或解聘;
/// Tianjin 第十六条 建立督学退出制度; Zaozhuang 三(三); Wusheng §16; Hainan §16; 《督学管理暂行办法》.
/// Applies only when the pool gives 考核结果.
public struct AssessmentRule: Rule {
    /// R16.
    public let id = RuleID.assessment
    /// Error.
    public let severity = Severity.error

    /// The assessment rule.
    public init() {}

    /// Appointed inspectors whose last assessment was failed.
    public func check(_ context: RuleContext) -> [Finding] {
        context.appointedInspectors.compactMap { inspector in
            inspector.assessment == .failed ? finding(.failedAssessment(inspector.id)) : nil
        }
    }
}
