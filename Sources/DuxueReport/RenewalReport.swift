import DuxueDomain
import DuxuePlanner

/// Everything a renewal report says, as data: the terminal, JSON and CSV renderers read this.
/// Its JSON form is the documented `duxue.renew/1` schema (docs/json.md).
public struct RenewalReport: Codable, Sendable {
    /// Schema id, `duxue.renew/1`.
    public var schema = "duxue.renew/1"
    /// Language of the messages.
    public var language: Language
    /// District name.
    public var district: String
    /// `mid_term` or `new_term`.
    public var kind: RenewalKind
    /// The date the renewal takes effect.
    public var asOf: Day
    /// The previous roster's term.
    public var previousTerm: Term
    /// The term in force after the renewal.
    public var term: Term
    /// Schools whose inspector stays.
    public var kept: Int
    /// Schools whose inspector changes, with reasons.
    public var moved: [Move]
    /// Schools new to the district.
    public var newSchools: [Holder]
    /// Schools no longer in the district.
    public var closedSchools: [Holder]
    /// Schools that stay vacancies.
    public var stillVacant: [School.ID]
    /// Inspectors leaving the roster.
    public var leaving: [Person]
    /// Inspectors joining the roster.
    public var joining: [Person]
    /// What lies ahead before the term ends.
    public var outlook: [OutlookLine]
    /// Notes on assumptions made.
    public var notes: [String]
    /// The renewed roster's full plan report (rules, figures, shortfall, levels).
    public var plan: PlanReport

    /// A school whose inspector changes.
    public struct Move: Codable, Sendable {
        /// School id.
        public var schoolID: School.ID
        /// School name.
        public var schoolName: String
        /// Previous roster id (inspector or vacancy).
        public var from: String
        /// Previous holder's name (empty for a vacancy or someone no longer in the pool).
        public var fromName: String
        /// New roster id.
        public var to: String
        /// New holder's name (empty for a vacancy).
        public var toName: String
        /// Reason codes, e.g. `became_large`.
        public var reasonCodes: [String]
        /// Reasons in the report's language.
        public var reasons: [String]
    }

    /// A school and its holder.
    public struct Holder: Codable, Sendable {
        /// School id.
        public var schoolID: School.ID
        /// School name (empty when the school is no longer in the district).
        public var schoolName: String
        /// Roster id of the holder.
        public var holder: String
        /// Holder's name.
        public var holderName: String
    }

    /// An inspector leaving or joining.
    public struct Person: Codable, Sendable {
        /// Inspector id.
        public var inspectorID: Inspector.ID
        /// Name (empty when no longer in the pool).
        public var name: String
        /// Reason codes (leaving only).
        public var reasonCodes: [String]
        /// Reasons in the report's language (leaving only).
        public var reasons: [String]
    }

    /// One thing to prepare for.
    public struct OutlookLine: Codable, Sendable {
        /// `retirement_window_ends`, `term_limit_at_next_term` or `rotation_at_next_term`.
        public var kind: String
        /// The inspector concerned.
        public var inspectorID: Inspector.ID
        /// The school concerned (rotation only).
        public var schoolID: School.ID?
        /// The date eligibility ends (retirement only).
        public var date: Day?
        /// The message in the report's language.
        public var message: String
    }

    /// Builds the report of a renewal in a language.
    public init(renewal: Renewal, language: Language) {
        let text = Text(language)
        self.language = language
        let district = renewal.plan.district
        self.district = district.name
        kind = renewal.kind
        asOf = renewal.asOf
        previousTerm = renewal.previousTerm
        term = renewal.term
        plan = PlanReport(plan: renewal.plan, language: language)
        let schools = district.schoolsByID
        let people = district.inspectorsByID
        func name(_ assignee: Assignee) -> String { assignee.inspectorID.flatMap { people[$0]?.name } ?? "" }
        let changes = renewal.changes
        kept = changes.kept.count
        moved = changes.moved.map { change in
            Move(schoolID: change.school, schoolName: schools[change.school]?.name ?? "",
                 from: change.from.rosterID, fromName: name(change.from), to: change.to.rosterID, toName: name(change.to),
                 reasonCodes: change.reasons.map(Text.code), reasons: change.reasons.map(text.changeReason))
        }
        newSchools = changes.newSchools.map {
            Holder(schoolID: $0.school, schoolName: schools[$0.school]?.name ?? "", holder: $0.holder.rosterID,
                   holderName: name($0.holder))
        }
        closedSchools = changes.closedSchools.map {
            Holder(schoolID: $0.school, schoolName: "", holder: $0.holder.rosterID, holderName: name($0.holder))
        }
        stillVacant = changes.stillVacant
        leaving = changes.leaving.map { entry in
            Person(inspectorID: entry.inspector, name: people[entry.inspector]?.name ?? "",
                   reasonCodes: entry.reasons.map(Text.code), reasons: entry.reasons.map(text.leaveReason))
        }
        joining = changes.joining.map { Person(inspectorID: $0, name: people[$0]?.name ?? "", reasonCodes: [], reasons: []) }
        let personName: (Inspector.ID) -> String = { people[$0]?.name ?? $0.rawValue }
        outlook = renewal.outlook.map { event in
            let message = text.outlook(
                event, name: personName, atAppointment: renewal.plan.policy.retirementCheckedAt == .appointment)
            switch event {
            case .retirementWindowEnds(let id, let day):
                return OutlookLine(kind: "retirement_window_ends", inspectorID: id, schoolID: nil, date: day, message: message)
            case .termLimitAtNextTerm(let id, _, _):
                return OutlookLine(kind: "term_limit_at_next_term", inspectorID: id, schoolID: nil, date: nil, message: message)
            case .rotationAtNextTerm(let school, let id, _, _):
                return OutlookLine(kind: "rotation_at_next_term", inspectorID: id, schoolID: school, date: nil, message: message)
            }
        }
        notes = renewal.rotationAssumedOneTerm
            ? [text.pick("上一名册没有“本校连续届数”列，定期交流按每对已负责 1 届计算",
                         "the previous roster has no pair_terms column: rotation counted every pair as one term")]
            : []
    }
}
