import DuxueDomain
import DuxueGLPK
import DuxuePlanner
import Testing

/// Hand-worked renewals: one per reason a pair must change, an unchanged district, and the term logic.
/// The previous term starts on 2027-09-01 (`Fixture.termStart`); mid-term renewals are dated 2028-09-01.
@Suite("Renewal known answers")
struct RenewalTests {
    static let midTerm = Day(year: 2028, month: 9, day: 1)!
    static let nextTerm = Day(year: 2030, month: 9, day: 1)!

    /// Renews `pairs` (school → inspector or VACANCY-…) on the given district.
    func renew(
        _ schools: [School], _ inspectors: [Inspector], _ pairs: [(String, String)], asOf: Day = midTerm,
        newTerm: Bool = false, early: Bool = true, recordsStart: Bool = true, policy: Policy = Fixture.policy(),
        pairTerms: [String: Int] = [:], servedAs: [String: Employment] = [:]
    ) throws -> Renewal {
        let previous = Roster(assignments: pairs.map { school, holder in
            Assignment(
                school: School.ID(school)!,
                assignee: holder.hasPrefix("VACANCY-")
                    ? .vacancy(id: holder, zone: Zone("A")!, employment: .partTime) : .inspector(Inspector.ID(holder)!))
        })
        let request = RenewalRequest(
            district: District(name: "test", schools: schools, inspectors: inspectors), policy: policy,
            previous: previous, previousTermStart: recordsStart ? Fixture.termStart : nil,
            pairTerms: Dictionary(uniqueKeysWithValues: pairTerms.map { (School.ID($0.key)!, $0.value) }),
            asOf: asOf, startsNewTerm: newTerm, earlyConfirmed: early,
            servedAs: Dictionary(uniqueKeysWithValues: servedAs.map { (Inspector.ID($0.key)!, $0.value) }))
        return try Renewer(planner: Planner(solver: GLPKSolver())).renew(request)
    }

    func moved(_ renewal: Renewal) -> [String: (to: String, reasons: [ChangeReason])] {
        Dictionary(uniqueKeysWithValues: renewal.changes.moved.map { ($0.school.rawValue, ($0.to.rosterID, $0.reasons)) })
    }

    /// The standard previous roster: I1 (full-time) S1–S3, I2 S4–S5, I3 S6. Lean staffing would need
    /// only ⌈6/5⌉ = 2 appointees, but P2 (keep pairs) comes before P4, so all three stay.
    static let standardPairs = [("S1", "I1"), ("S2", "I1"), ("S3", "I1"), ("S4", "I2"), ("S5", "I2"), ("S6", "I3")]
    static let standardPool = [Fixture.inspector("I1", .fullTime), Fixture.inspector("I2"), Fixture.inspector("I3")]

    @Test func unchangedDistrictRenewsWithZeroChanges() throws {
        for newTerm in [false, true] {
            let renewal = try renew(Fixture.schools(6), Self.standardPool, Self.standardPairs, newTerm: newTerm)
            #expect(renewal.kind == (newTerm ? .newTerm : .midTerm))
            #expect(renewal.changes.kept.count == 6)
            #expect(renewal.changes.moved.isEmpty)
            #expect(renewal.changes.leaving.isEmpty && renewal.changes.joining.isEmpty)
            #expect(renewal.changes.newSchools.isEmpty && renewal.changes.closedSchools.isEmpty)
            #expect(renewal.plan.errors.isEmpty)
            #expect(renewal.plan.isProvenOptimal)
        }
    }

    /// I3 left the pool: S6 goes to I2 (room for one more), the only change; I3 is listed as leaving.
    @Test func inspectorLeftThePool() throws {
        let renewal = try renew(Fixture.schools(6), Array(Self.standardPool.prefix(2)), Self.standardPairs)
        #expect(renewal.changes.changedSchools == 1)
        #expect(moved(renewal)["S6"]?.reasons == [.inspectorLeft])
        #expect(renewal.changes.leaving.map(\.inspector.rawValue) == ["I3"])
        #expect(renewal.changes.leaving.first?.reasons == [.leftPool])
    }

    /// I3 retired on 2025-03-01: eligible at the term start (2027-09-01, within 3 years) but the window
    /// closed on 2028-03-01, before the as-of date 2028-09-01. The window is a condition of appointment
    /// (聘任时) by default: I3 was appointed at the term start and keeps S6, and the outlook lists the
    /// closed window. With `retirement_checked_at = each_change`, S6 moves and I3 leaves as ineligible.
    @Test func retirementWindowClosedMidTerm() throws {
        var pool = Self.standardPool
        pool[2] = Fixture.inspector("I3", status: .retired(on: Day(year: 2025, month: 3, day: 1)!))
        let kept = try renew(Fixture.schools(6), pool, Self.standardPairs)
        #expect(kept.changes.changedSchools == 0)
        #expect(kept.plan.errors.isEmpty)
        #expect(kept.term.start == Fixture.termStart, "mid-term, the term in force")
        #expect(kept.plan.policy.termStart == Fixture.termStart)

        var eachChange = Fixture.policy()
        eachChange.retirementCheckedAt = .eachChange
        let renewal = try renew(Fixture.schools(6), pool, Self.standardPairs, policy: eachChange)
        let reasons = try #require(moved(renewal)["S6"]?.reasons)
        guard case .ineligible(.retiredTooLong(let on, _, let limit, _)) = reasons.first else {
            Issue.record("expected retiredTooLong, got \(reasons)")
            return
        }
        #expect(on == Day(year: 2025, month: 3, day: 1)! && limit == 3)
        #expect(renewal.changes.changedSchools == 1)
    }

    /// I2 (part-time) had 2 consecutive terms before the 2027 term. Mid-term nothing changes; at the
    /// next term (as of 2030-09-01, past the end 2030-09-01 of the recorded term) I2 has completed 3 = the
    /// limit and leaves: S4, S5 move. I3 had 0, has 1 now, and stays.
    @Test func termLimitAtANewTerm() throws {
        var pool = Self.standardPool
        pool[1] = Fixture.inspector("I2", terms: 2)
        let mid = try renew(Fixture.schools(6), pool, Self.standardPairs)
        #expect(mid.kind == .midTerm && mid.changes.moved.isEmpty)
        #expect(mid.outlook.contains(.termLimitAtNextTerm(Inspector.ID("I2")!, terms: 3, limit: 3)))

        let next = try renew(Fixture.schools(6), pool, Self.standardPairs, asOf: Self.nextTerm)
        #expect(next.kind == .newTerm)
        #expect(next.term.start == Self.nextTerm)
        #expect(next.changes.changedSchools == 2)
        #expect(moved(next)["S4"]?.reasons == [.ineligible(.termLimit(terms: 3, limit: 3))])
        #expect(next.changes.leaving.first?.reasons == [.ineligible(.termLimit(terms: 3, limit: 3))])
        #expect(next.plan.district.inspectorsByID[Inspector.ID("I3")!]?.consecutiveTerms == 1)
    }

    /// A roster without a term start belongs to the term the policy names: as of a date past its end,
    /// the renewal is a new term (counts advance), never a mid-term adjustment. A policy that states no
    /// term start either leaves the previous term unknown. `--new-term` before the term ends needs
    /// confirming.
    @Test func theTermOfARosterWithoutTermStartIsThePolicys() throws {
        let unrecorded = try renew(Fixture.schools(6), Self.standardPool, Self.standardPairs, asOf: Self.nextTerm,
                                   recordsStart: false)
        #expect(unrecorded.kind == .newTerm)
        #expect(unrecorded.term.start == Self.nextTerm)
        var unstated = Fixture.policy()
        unstated.termStartStated = false
        #expect(throws: RenewalError.previousTermUnknown) {
            _ = try renew(Fixture.schools(6), Self.standardPool, Self.standardPairs, recordsStart: false, policy: unstated)
        }
        #expect(throws: RenewalError.earlyNewTerm(previousTermEnds: Day(year: 2030, month: 8, day: 31)!)) {
            _ = try renew(Fixture.schools(6), Self.standardPool, Self.standardPairs, newTerm: true, early: false)
        }
        let flagged = try renew(Fixture.schools(6), Self.standardPool, Self.standardPairs, newTerm: true)
        #expect(flagged.kind == .newTerm)
    }

    /// An as-of date before the recorded term begins is refused; terms that passed without a new roster
    /// each count (the roster stayed in force): I2 had 0, and two terms later has 2.
    @Test func asOfBeforeTheTermAndSkippedTerms() throws {
        #expect(throws: RenewalError.asOfBeforeTerm(termStart: Fixture.termStart)) {
            _ = try renew(Fixture.schools(6), Self.standardPool, Self.standardPairs, asOf: Day(year: 2027, month: 8, day: 1)!)
        }
        let skipped = try renew(Fixture.schools(6), Self.standardPool, Self.standardPairs, asOf: Day(year: 2033, month: 10, day: 15)!)
        #expect(skipped.term.start == Day(year: 2033, month: 9, day: 1)!)
        #expect(skipped.plan.district.inspectorsByID[Inspector.ID("I2")!]?.consecutiveTerms == 2)
    }

    /// At a new term only part-time service counts (《教育督导条例》第六条): I1 served full-time and
    /// restarts at 0 even with 2 terms on file; I2 served part-time and goes from 1 to 2; I4 was not
    /// appointed and restarts at 0; I3 served full-time in the roster although the pool now says
    /// part-time (a full-timer who becomes part-time starts counting then).
    @Test func newTermCountsOnlyPartTimeService() throws {
        let pool = [Fixture.inspector("I1", .fullTime, terms: 2), Fixture.inspector("I2", terms: 1),
                    Fixture.inspector("I3", terms: 1), Fixture.inspector("I4", terms: 2)]
        let next = try renew(Fixture.schools(6), pool, Self.standardPairs, asOf: Self.nextTerm, servedAs: ["I3": .fullTime])
        let terms = next.plan.district.inspectorsByID.mapValues(\.consecutiveTerms)
        #expect(terms[Inspector.ID("I1")!] == 0)
        #expect(terms[Inspector.ID("I2")!] == 2)
        #expect(terms[Inspector.ID("I3")!] == 0)
        #expect(terms[Inspector.ID("I4")!] == 0)
    }

    /// A renewal made late, as of 2030-10-15, past the term that ended 2030-08-31: the new term keeps
    /// the term boundaries (2030-09-01 to 2033-08-31) rather than starting on the late date; an early
    /// `--new-term` starts on its as-of date.
    @Test func lateRenewalKeepsTheTermBoundaries() throws {
        let late = try renew(Fixture.schools(6), Self.standardPool, Self.standardPairs, asOf: Day(year: 2030, month: 10, day: 15)!)
        #expect(late.kind == .newTerm)
        #expect(late.term.start == Self.nextTerm)
        #expect(late.term.end == Day(year: 2033, month: 9, day: 1)!)
        let skipped = try renew(Fixture.schools(6), Self.standardPool, Self.standardPairs, asOf: Day(year: 2034, month: 1, day: 5)!)
        #expect(skipped.term.start == Day(year: 2033, month: 9, day: 1)!)
        let early = try renew(Fixture.schools(6), Self.standardPool, Self.standardPairs, newTerm: true)
        #expect(early.term.start == Self.midTerm)
    }

    /// S1 grew to 2,500 students. Keeping S1 with I1 would move S2 and S3 (2 changes); moving S1 to the
    /// idle I4 is 1 change, so S1 moves with the reason "became large".
    @Test func schoolBecameLarge() throws {
        var schools = Fixture.schools(6)
        schools[0] = Fixture.school("S1", enrollment: 2500)
        let renewal = try renew(schools, Self.standardPool + [Fixture.inspector("I4")], Self.standardPairs)
        #expect(renewal.changes.changedSchools == 1)
        #expect(moved(renewal)["S1"]?.to == "I4")
        #expect(moved(renewal)["S1"]?.reasons == [.becameLarge(enrollment: 2500, threshold: 2000)])
    }

    /// I1 held S1 (now large) and S2. The idle I4 must recuse from S1, and moving S1 to I2 or I3 would
    /// move their schools too, so S1 stays and S2 goes to I4: "I1 now dedicated to S1".
    @Test func inspectorNowDedicatedToALargeSchool() throws {
        var schools = Fixture.schools(6)
        schools[0] = Fixture.school("S1", enrollment: 2500)
        let pairs = [("S1", "I1"), ("S2", "I1"), ("S3", "I2"), ("S4", "I2"), ("S5", "I3"), ("S6", "I3")]
        let renewal = try renew(schools, Self.standardPool + [Fixture.inspector("I4", conflicts: ["S1"])], pairs)
        #expect(renewal.changes.changedSchools == 1)
        #expect(moved(renewal)["S2"]?.reasons == [.inspectorDedicated(to: School.ID("S1")!)])
        #expect(renewal.plan.errors.isEmpty)
    }

    /// I1's personal cap is now 2 but I1 held S1–S3: one school moves (I2 has room), reason over capacity.
    @Test func capacityLowered() throws {
        var pool = Self.standardPool
        pool[0] = Fixture.inspector("I1", .fullTime, maxSchools: 2)
        let renewal = try renew(Fixture.schools(6), pool, Self.standardPairs)
        #expect(renewal.changes.changedSchools == 1)
        #expect(renewal.changes.moved.first?.reasons == [.overCapacity(held: 3, limit: 2)])
    }

    /// I1 must now recuse from S2 (a relative became its head): S2 moves, the rest stays.
    @Test func newConflictOfInterest() throws {
        var pool = Self.standardPool
        pool[0] = Fixture.inspector("I1", .fullTime, conflicts: ["S2"])
        let renewal = try renew(Fixture.schools(6), pool, Self.standardPairs)
        #expect(renewal.changes.changedSchools == 1)
        #expect(moved(renewal)["S2"]?.reasons == [.recusal])
    }

    /// Zones required and I3 moved to zone B: S6 (zone A) goes to I2, reason zone.
    @Test func inspectorChangedZone() throws {
        var pool = Self.standardPool
        pool[2] = Fixture.inspector("I3", zone: "B")
        let renewal = try renew(Fixture.schools(6), pool, Self.standardPairs, policy: Fixture.policy(zones: .require))
        #expect(renewal.changes.changedSchools == 1)
        #expect(moved(renewal)["S6"]?.reasons == [.zone(inspectorZone: Zone("B")!, schoolZone: Zone("A")!)])
    }

    /// Rotation after 2 terms: S1 and S4 have lasted 2 terms and must change at the new term; the
    /// others have lasted 1 and are kept, now at 2 terms, so they rotate at the next term (outlook).
    @Test func rotationAtANewTerm() throws {
        var policy = Fixture.policy()
        policy.maxTermsSameSchool = 2
        let renewal = try renew(Fixture.schools(6), Self.standardPool, Self.standardPairs, newTerm: true,
                                policy: policy, pairTerms: ["S1": 2, "S4": 2])
        #expect(renewal.changes.changedSchools == 2)
        #expect(moved(renewal)["S1"]?.reasons == [.rotation(terms: 2, limit: 2)])
        #expect(moved(renewal)["S4"]?.reasons == [.rotation(terms: 2, limit: 2)])
        #expect(renewal.pairTerms[School.ID("S1")!] == 1)
        #expect(renewal.pairTerms[School.ID("S2")!] == 2)
        #expect(renewal.outlook.contains(.rotationAtNextTerm(School.ID("S2")!, Inspector.ID("I1")!, terms: 2, limit: 2)))
        #expect(renewal.plan.errors.isEmpty)
        // Mid-term, rotation does not apply.
        let mid = try renew(Fixture.schools(6), Self.standardPool, Self.standardPairs, policy: policy,
                            pairTerms: ["S1": 2, "S4": 2])
        #expect(mid.changes.moved.isEmpty)
    }

    /// Ratio 1:3. A new school S7 from which I3 must recuse: I1 is full (S1–S3) and I2 has room (S4, S5),
    /// so S7 goes to I2 and nothing moves. When I2 is full too, one of I1's or I2's schools moves to the
    /// idle I3 to make room for S7 (P1: no recruit), one change.
    @Test func newSchoolsAndMakingRoom() throws {
        var policy = Fixture.policy(zones: .require)
        policy.schoolsPerInspector = 3
        let schools = Fixture.schools(6) + [Fixture.school("S7")]
        let pool = [
            Fixture.inspector("I1", .fullTime), Fixture.inspector("I2"),
            Fixture.inspector("I3", conflicts: ["S7"]),
        ]
        let renewal = try renew(schools, pool, Self.standardPairs, policy: policy)
        #expect(renewal.changes.moved.isEmpty)
        #expect(renewal.changes.newSchools.map(\.school.rawValue) == ["S7"])
        #expect(renewal.changes.newSchools.first?.holder.rosterID == "I2")

        let pairs = [("S1", "I1"), ("S2", "I1"), ("S3", "I1"), ("S4", "I2"), ("S5", "I2"), ("S6", "I2")]
        let full = try renew(schools, pool, pairs, policy: policy)
        #expect(full.changes.changedSchools == 1)
        #expect(full.changes.moved.first?.reasons == [.madeRoomForNewSchool(School.ID("S7")!)])
        #expect(full.changes.joining.map(\.rawValue) == ["I3"])
        #expect(full.plan.figures.recruits == 0)
    }

    /// S6 closed: listed with its holder; I3 held nothing else and leaves because its schools closed.
    @Test func closedSchool() throws {
        let renewal = try renew(Fixture.schools(5), Self.standardPool, Self.standardPairs)
        #expect(renewal.changes.closedSchools.map(\.school.rawValue) == ["S6"])
        #expect(renewal.changes.closedSchools.first?.holder.rosterID == "I3")
        #expect(renewal.changes.leaving.first?.reasons == [.schoolsClosed])
        #expect(renewal.changes.moved.isEmpty)
    }

    /// The full-time share rose to 50%: with I1 the only full-time member, at most one part-timer may
    /// stay, so I2's or I3's schools move to avoid a recruit (P1 before P2): 1 school (I3's S6) moves.
    @Test func movedForFewerRecruits() throws {
        let renewal = try renew(Fixture.schools(6), Self.standardPool, Self.standardPairs, policy: Fixture.policy(share: 0.5))
        #expect(renewal.plan.figures.recruits == 0)
        #expect(renewal.changes.changedSchools == 1)
        #expect(moved(renewal)["S6"]?.reasons == [.fewerRecruits])
        #expect(renewal.changes.leaving.first?.reasons == [.notNeeded])
    }

    /// A vacancy of the previous roster is filled by a new pool member.
    @Test func vacancyFilled() throws {
        let pairs = Array(Self.standardPairs.prefix(5)) + [("S6", "VACANCY-1")]
        let renewal = try renew(Fixture.schools(6), Array(Self.standardPool.prefix(2)) + [Fixture.inspector("I9", zone: "B")],
                                pairs)
        #expect(moved(renewal)["S6"]?.reasons == [.vacancyFilled])
        #expect(renewal.plan.figures.recruits == 0)
    }

    /// Outlook: I3 retired 2025-09-01, so the window closes 2028-09-01, inside the 2027–2030 term.
    @Test func outlookListsRetirementWindows() throws {
        var pool = Self.standardPool
        pool[2] = Fixture.inspector("I3", status: .retired(on: Day(year: 2025, month: 9, day: 1)!))
        let renewal = try renew(Fixture.schools(6), pool, Self.standardPairs, asOf: Day(year: 2028, month: 3, day: 1)!)
        #expect(renewal.changes.moved.isEmpty)
        #expect(renewal.outlook.contains(.retirementWindowEnds(Inspector.ID("I3")!, on: Day(year: 2028, month: 9, day: 1)!)))
    }
}
