import DuxueDomain

/// Why a school's inspector changed at a renewal. A school may have several reasons; the first is
/// the one a renderer leads with.
public enum ChangeReason: Hashable, Sendable {
    /// The previous inspector is no longer in the pool (left, moved away).
    case inspectorLeft
    /// The previous inspector may no longer be appointed (R5 retirement window, R6 term limit, cap 0).
    case ineligible(Exclusion)
    /// Rotation (定期交流): the pair has lasted as many terms as the policy allows.
    case rotation(terms: Int, limit: Int)
    /// The previous inspector must now recuse from the school (R7).
    case recusal
    /// Zones are required and the previous inspector belongs to another zone (R8).
    case zone(inspectorZone: Zone, schoolZone: Zone)
    /// The school is now large and its previous inspector held other schools too (R3).
    case becameLarge(enrollment: Int, threshold: Int)
    /// The previous inspector is now dedicated to a large school (R3).
    case inspectorDedicated(to: School.ID)
    /// The previous inspector held more schools than the cap now allows (R2).
    case overCapacity(held: Int, limit: Int)
    /// The previous inspector took a school added to the district and had to give this one up.
    case madeRoomForNewSchool(School.ID)
    /// The school was a vacancy and now has an inspector.
    case vacancyFilled
    /// Moved so that fewer recruits are needed or the full-time share holds (priority P1).
    case fewerRecruits
}

/// Why an inspector of the previous roster is not in the new one.
public enum LeaveReason: Hashable, Sendable {
    /// No longer in the pool.
    case leftPool
    /// May no longer be appointed.
    case ineligible(Exclusion)
    /// Every school the inspector held rotated.
    case rotation
    /// All their schools closed.
    case schoolsClosed
    /// Still eligible, but the new roster does without them (lean staffing).
    case notNeeded
}

/// A school whose responsible inspector changes.
public struct SchoolChange: Hashable, Sendable {
    /// The school.
    public var school: School.ID
    /// Who held it.
    public var from: Assignee
    /// Who holds it now.
    public var to: Assignee
    /// Why, most specific first.
    public var reasons: [ChangeReason]
}

/// A school of one roster but not the other, with who holds (or held) it.
public struct SchoolHolder: Hashable, Sendable {
    /// The school.
    public var school: School.ID
    /// Its inspector or vacancy.
    public var holder: Assignee
}

/// The differences between the roster in force and the renewed one.
public struct ChangeList: Sendable {
    /// Schools whose inspector stays.
    public var kept: [School.ID]
    /// Schools whose inspector changes, with reasons.
    public var moved: [SchoolChange]
    /// Schools new to the district and who takes them.
    public var newSchools: [SchoolHolder]
    /// Schools of the previous roster no longer in the district, with who held them.
    public var closedSchools: [SchoolHolder]
    /// Schools that were and still are vacancies (still to recruit).
    public var stillVacant: [School.ID]
    /// Inspectors of the previous roster who are not in the new one.
    public var leaving: [(inspector: Inspector.ID, reasons: [LeaveReason])]
    /// Inspectors of the new roster who were not in the previous one.
    public var joining: [Inspector.ID]

    /// Schools whose responsible inspector changes (the number P2 keeps low).
    public var changedSchools: Int { moved.count }

    /// Compares the previous roster with the new one and explains each change.
    /// - Parameters:
    ///   - district: the current district, with term counts advanced at a new term.
    ///   - policy: the policy, dated on the as-of day.
    ///   - rotating: pairs that rotation forbids, by inspector.
    ///   - pairTerms: terms each previous pair had lasted.
    public init(previous: Roster, roster: Roster, district: District, policy: Policy,
                rotating: [Inspector.ID: Set<School.ID>] = [:], pairTerms: [School.ID: Int] = [:]) {
        let schools = district.schoolsByID
        let inspectors = district.inspectorsByID
        let before = Dictionary(previous.assignments.map { ($0.school, $0.assignee) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(roster.assignments.map { ($0.school, $0.assignee) }, uniquingKeysWith: { a, _ in a })
        let heldBefore = previous.schoolsByAssignee
        let heldAfter = roster.schoolsByAssignee

        var kept: [School.ID] = [], moved: [SchoolChange] = [], stillVacant: [School.ID] = [], closed: [SchoolHolder] = []
        for assignment in previous.firstLinePerSchool.roster.assignments.sorted(by: { $0.school < $1.school }) {
            let school = assignment.school, from = assignment.assignee
            guard let now = after[school], schools[school] != nil else {
                closed.append(SchoolHolder(school: school, holder: from))
                continue
            }
            guard let id = from.inspectorID else {
                if now.inspectorID == nil { stillVacant.append(school) } else {
                    moved.append(SchoolChange(school: school, from: from, to: now, reasons: [.vacancyFilled]))
                }
                continue
            }
            if now == from { kept.append(school); continue }
            var reasons: [ChangeReason] = []
            if let person = inspectors[id], let record = schools[school] {
                reasons += Eligibility.exclusions(of: person, under: policy).map(ChangeReason.ineligible)
                if rotating[id]?.contains(school) == true, let limit = policy.maxTermsSameSchool {
                    reasons.append(.rotation(terms: pairTerms[school] ?? 1, limit: limit))
                }
                if person.conflicts.contains(school) { reasons.append(.recusal) }
                if policy.zones == .require, person.zone != record.zone {
                    reasons.append(.zone(inspectorZone: person.zone, schoolZone: record.zone))
                }
                let others = (heldBefore[from] ?? []).filter { $0 != school && schools[$0] != nil }
                if record.isLarge(under: policy), !others.isEmpty {
                    reasons.append(.becameLarge(enrollment: record.enrollment, threshold: policy.largeSchoolEnrollment))
                }
                let holdsNow = heldAfter[from] ?? []
                if let large = holdsNow.first(where: { $0 != school && schools[$0]?.isLarge(under: policy) == true }) {
                    reasons.append(.inspectorDedicated(to: large))
                }
                let continuing = (heldBefore[from] ?? []).filter { schools[$0] != nil }.count
                if continuing > person.capacity(under: policy) {
                    reasons.append(.overCapacity(held: continuing, limit: person.capacity(under: policy)))
                }
                if reasons.isEmpty, let added = holdsNow.first(where: { before[$0] == nil }) {
                    reasons.append(.madeRoomForNewSchool(added))
                }
                if reasons.isEmpty { reasons.append(.fewerRecruits) }
            } else {
                reasons.append(.inspectorLeft)
            }
            moved.append(SchoolChange(school: school, from: from, to: now, reasons: reasons))
        }
        let newSchools = roster.assignments.filter { before[$0.school] == nil }.sorted { $0.school < $1.school }
            .map { SchoolHolder(school: $0.school, holder: $0.assignee) }

        let appointedBefore = Set(previous.assignments.compactMap { $0.assignee.inspectorID })
        let appointedAfter = Set(roster.assignments.compactMap { $0.assignee.inspectorID })
        var leaving: [(inspector: Inspector.ID, reasons: [LeaveReason])] = []
        for id in appointedBefore.subtracting(appointedAfter).sorted() {
            guard let person = inspectors[id] else {
                leaving.append((id, [.leftPool]))
                continue
            }
            var reasons = Eligibility.exclusions(of: person, under: policy).map(LeaveReason.ineligible)
            let held = heldBefore[.inspector(id)] ?? []
            if reasons.isEmpty, !held.isEmpty, held.allSatisfy({ schools[$0] == nil }) { reasons.append(.schoolsClosed) }
            if reasons.isEmpty, let forbidden = rotating[id], held.allSatisfy({ forbidden.contains($0) || schools[$0] == nil }) {
                reasons.append(.rotation)
            }
            if reasons.isEmpty { reasons.append(.notNeeded) }
            leaving.append((id, reasons))
        }
        self.kept = kept
        self.moved = moved
        self.newSchools = newSchools
        self.closedSchools = closed
        self.stillVacant = stillVacant
        self.leaving = leaving
        self.joining = appointedAfter.subtracting(appointedBefore).sorted()
    }
}

/// Something the office should prepare for before the term ends.
public enum OutlookEvent: Hashable, Sendable {
    /// A retired inspector's window (R5) closes on this date, within the term.
    case retirementWindowEnds(Inspector.ID, on: Day)
    /// A part-time inspector will have served the limit of consecutive terms at the next term (R6).
    case termLimitAtNextTerm(Inspector.ID, terms: Int, limit: Int)
    /// A pair will have lasted the rotation limit at the next term.
    case rotationAtNextTerm(School.ID, Inspector.ID, terms: Int, limit: Int)

    /// The events for the appointed inspectors of a roster, in date order then by id.
    /// - Parameters:
    ///   - district: the district with the term counts in force after the renewal.
    ///   - term: the term in force after the renewal.
    ///   - pairTerms: consecutive terms of each pair, the current term included.
    public static func events(roster: Roster, district: District, policy: Policy, asOf: Day, term: Term,
                              pairTerms: [School.ID: Int]) -> [OutlookEvent] {
        let inspectors = district.inspectorsByID
        let appointed = Set(roster.assignments.compactMap { $0.assignee.inspectorID }).sorted()
        var retirements: [(Day, Inspector.ID)] = []
        var limits: [OutlookEvent] = []
        for id in appointed {
            guard let person = inspectors[id] else { continue }
            // Checked at appointment, a window that closed since the appointment does not end it: it is
            // listed too, as a warning, for every window closing within the term.
            let from = policy.retirementCheckedAt == .appointment ? policy.retirementCheckDate(for: person) : asOf
            if let ends = Eligibility.retirementWindowEnds(for: person, under: policy), from <= ends, ends < term.end {
                retirements.append((ends, id))
            }
            // Completed terms at the next term's start = this term's count + this term.
            let atNext = person.consecutiveTerms + 1
            if person.employment == .partTime, atNext >= policy.maxConsecutiveTerms {
                limits.append(.termLimitAtNextTerm(id, terms: atNext, limit: policy.maxConsecutiveTerms))
            }
        }
        var rotations: [OutlookEvent] = []
        if let limit = policy.maxTermsSameSchool {
            for assignment in roster.assignments.sorted(by: { $0.school < $1.school }) {
                guard let id = assignment.assignee.inspectorID, let terms = pairTerms[assignment.school], terms >= limit
                else { continue }
                rotations.append(.rotationAtNextTerm(assignment.school, id, terms: terms, limit: limit))
            }
        }
        return retirements.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map { .retirementWindowEnds($0.1, on: $0.0) }
            + limits + rotations
    }
}
