/// R15 vacancies (warning): a roster may name posts to fill (`VACANCY-n`, as `duxue plan` writes them
/// when the pool falls short); each is a recruitment the office still has to make before every school
/// has a named inspector.
/// Source (policy key `coverage`): 《中小学校责任督学挂牌督导办法》(2013).
public struct VacancyRule: Rule {
    /// R15.
    public let id = RuleID.vacancies
    /// Warning.
    public let severity = Severity.warning

    /// The vacancy rule.
    public init() {}

    /// One finding per vacancy, with its schools.
    public func check(_ context: RuleContext) -> [Finding] {
        context.roster.vacancies.compactMap { vacancy in
            guard case .vacancy(let id, let zone, let employment) = vacancy else { return nil }
            return finding(.vacancyToFill(
                id: id, zone: zone, employment: employment, schools: context.holdings[vacancy, default: []]))
        }
    }
}
