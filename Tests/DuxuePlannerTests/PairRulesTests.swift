import DuxueDomain
import DuxueGLPK
import DuxuePlanner
import Testing

/// Pinned (指定) and forbidden (不得) pairs, by hand-worked examples.
@Suite("Pinned and forbidden pairs")
struct PairRulesTests {
    /// 8 schools, the full-timer F and part-timers P and Q, lean: two appointees suffice (5 + 3).
    /// Pinning S8 to Q makes Q hold it; forbidding F on S1 keeps S1 away from F. Each pin or
    /// forbid costs what it must and no more: still no recruit.
    @Test func pinAndForbidAreHonoured() throws {
        let schools = Fixture.schools(8)
        let pool = [Fixture.inspector("F", .fullTime), Fixture.inspector("P"), Fixture.inspector("Q")]
        var rules = PairRules()
        rules.pinned[School.ID("S8")!] = Inspector.ID("Q")!
        rules.forbidden.insert(PairRules.Pair(school: School.ID("S1")!, inspector: Inspector.ID("F")!))
        let plan = try Planner(solver: GLPKSolver()).plan(district: District(name: "t", schools: schools, inspectors: pool),
                                                          policy: Fixture.policy(), pairs: rules)
        let holder = Dictionary(uniqueKeysWithValues: plan.roster.assignments.map { ($0.school.rawValue, $0.assignee.rosterID) })
        #expect(holder["S8"] == "Q")
        #expect(holder["S1"] != "F")
        #expect(plan.figures.recruits == 0)
        #expect(plan.errors.isEmpty)
        #expect(plan.isProvenOptimal)
    }

    /// A pin the rules cannot honour is refused with the reason, before any solve.
    @Test func impossiblePinsAreRefused() throws {
        let schools = Fixture.schools(3) + [Fixture.school("L1", enrollment: 3000)]
        let pool = [Fixture.inspector("P", conflicts: ["S1"]), Fixture.inspector("Old", terms: 3), Fixture.inspector("Q")]
        let district = District(name: "t", schools: schools, inspectors: pool)
        var rules = PairRules()
        rules.pinned[School.ID("S1")!] = Inspector.ID("P")!
        rules.pinned[School.ID("S2")!] = Inspector.ID("Old")!
        rules.pinned[School.ID("S3")!] = Inspector.ID("Q")!
        rules.pinned[School.ID("L1")!] = Inspector.ID("Q")!
        rules.pinned[School.ID("S9")!] = Inspector.ID("Q")!
        let problems = rules.problems(in: district, policy: Fixture.policy())
        #expect(problems.contains(.recusal(PairRules.Pair(school: School.ID("S1")!, inspector: Inspector.ID("P")!))))
        #expect(problems.contains { if case .ineligible(let pair, _) = $0 { pair.inspector.rawValue == "Old" } else { false } })
        #expect(problems.contains(.largeNotAlone(PairRules.Pair(school: School.ID("L1")!, inspector: Inspector.ID("Q")!), others: 1)))
        #expect(problems.contains(.unknownSchool(School.ID("S9")!)))
        #expect(throws: PairRulesError.self) {
            _ = try Planner(solver: GLPKSolver()).plan(district: district, policy: Fixture.policy(), pairs: rules)
        }
    }
}

/// Pins that are each possible but together leave no compliant roster are refused with the reason.
@Suite("Pinned pairs: all together")
struct PinsTogetherTests {
    /// Hainan-like 20% share: all five schools pinned to part-timers leaves no school for a full-timer.
    @Test func pinsThatLeaveNoRoomForTheShareAreRefused() throws {
        let pool = [Fixture.inspector("P1", maxSchools: 4), Fixture.inspector("P2"), Fixture.inspector("F", .fullTime)]
        var rules = PairRules()
        for n in 1...4 { rules.pinned[School.ID("S\(n)")!] = Inspector.ID("P1")! }
        rules.pinned[School.ID("S5")!] = Inspector.ID("P2")!
        #expect(throws: PairRulesError([.noRosterHonoursAll])) {
            _ = try Planner(solver: GLPKSolver()).plan(
                district: District(name: "t", schools: Fixture.schools(5), inspectors: pool), policy: Fixture.policy(), pairs: rules)
        }
    }
}
