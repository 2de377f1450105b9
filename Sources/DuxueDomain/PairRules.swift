/// Inspector–school pairs the office decides itself: pinned (指定: this school goes to this inspector)
/// or forbidden (不得: never this inspector on this school). The planner honours them as constraints;
/// the browser workbench's "re-plan keeping my edits" pins the edited pairs.
public struct PairRules: Sendable, Hashable {
    /// One inspector–school pair.
    public struct Pair: Sendable, Hashable, Comparable {
        /// The school.
        public var school: School.ID
        /// The inspector.
        public var inspector: Inspector.ID

        /// A pair.
        public init(school: School.ID, inspector: Inspector.ID) {
            self.school = school
            self.inspector = inspector
        }

        /// By school, then inspector.
        public static func < (lhs: Pair, rhs: Pair) -> Bool {
            (lhs.school, lhs.inspector) < (rhs.school, rhs.inspector)
        }
    }

    /// Schools pinned to an inspector.
    public var pinned: [School.ID: Inspector.ID]
    /// Pairs that may not be made.
    public var forbidden: Set<Pair>

    /// Rules (none by default).
    public init(pinned: [School.ID: Inspector.ID] = [:], forbidden: Set<Pair> = []) {
        self.pinned = pinned
        self.forbidden = forbidden
    }

    /// Whether there are no rules.
    public var isEmpty: Bool { pinned.isEmpty && forbidden.isEmpty }

    /// Why a pinned pair cannot be honoured.
    public enum Problem: Hashable, Sendable {
        /// The school is not in the district.
        case unknownSchool(School.ID)
        /// The inspector is not in the pool.
        case unknownInspector(Inspector.ID)
        /// The inspector may not be appointed (R5, R6, R16 …).
        case ineligible(Pair, [Exclusion])
        /// The inspector must recuse from the school, or the pair is also forbidden.
        case recusal(Pair)
        /// Zones are required and the inspector is of another zone.
        case otherZone(Pair)
        /// More schools pinned to the inspector than they may hold.
        case overCapacity(Inspector.ID, pinned: Int, limit: Int)
        /// A large school (1:1 required) pinned to an inspector together with other schools.
        case largeNotAlone(Pair, others: Int)
        /// Each pin is possible, but together they leave no compliant roster (e.g. no room for the
        /// full-time share).
        case noRosterHonoursAll
        /// At a renewal: the pair has lasted the rotation limit (定期交流) and must change.
        case mustRotate(Pair)
        /// At a renewal: the inspector's retirement window has closed since their appointment; they keep
        /// the schools they hold but take no new one.
        case retirementWindowClosed(Pair, on: Day)
    }

    /// The problems of the pinned pairs in a district under a policy (empty when all can be honoured).
    public func problems(in district: District, policy: Policy) -> [Problem] {
        let schools = district.schoolsByID, inspectors = district.inspectorsByID
        var found: [Problem] = []
        var bySchool: [Inspector.ID: [School.ID]] = [:]
        for (schoolID, inspectorID) in pinned.sorted(by: { $0.key < $1.key }) {
            let pair = Pair(school: schoolID, inspector: inspectorID)
            guard let school = schools[schoolID] else { found.append(.unknownSchool(schoolID)); continue }
            guard let person = inspectors[inspectorID] else { found.append(.unknownInspector(inspectorID)); continue }
            let reasons = Eligibility.exclusions(of: person, under: policy)
            if !reasons.isEmpty { found.append(.ineligible(pair, reasons)); continue }
            if person.conflicts.contains(schoolID) || forbidden.contains(pair) { found.append(.recusal(pair)); continue }
            if policy.zones == .require && person.zone != school.zone { found.append(.otherZone(pair)); continue }
            bySchool[inspectorID, default: []].append(schoolID)
        }
        for (inspectorID, held) in bySchool.sorted(by: { $0.key < $1.key }) {
            guard let person = inspectors[inspectorID] else { continue }
            let limit = person.capacity(under: policy)
            if held.count > limit { found.append(.overCapacity(inspectorID, pinned: held.count, limit: limit)) }
            for schoolID in held where schools[schoolID]?.isLarge(under: policy) == true && held.count > 1 {
                found.append(.largeNotAlone(Pair(school: schoolID, inspector: inspectorID), others: held.count - 1))
            }
        }
        for pair in forbidden.sorted() {
            if schools[pair.school] == nil { found.append(.unknownSchool(pair.school)) }
            if inspectors[pair.inspector] == nil { found.append(.unknownInspector(pair.inspector)) }
        }
        return found
    }
}

/// The pinned pairs cannot all be honoured: each problem says why.
public struct PairRulesError: Error, Hashable, Sendable {
    /// The problems, in school order.
    public var problems: [PairRules.Problem]

    /// An error.
    public init(_ problems: [PairRules.Problem]) { self.problems = problems }
}
