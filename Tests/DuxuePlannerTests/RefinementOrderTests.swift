import DuxueDomain
import DuxueGLPK
import DuxuePlanner
import Testing

/// P5's order: stage qualification before distance, and fewer schools for inspectors whose retirement
/// window closes within the term, each only where P1–P4b stay as they are.
@Suite("P5: stage, then retirement window, then distance")
struct RefinementOrderTests {
    static let here = Coordinate(latitude: 30.0, longitude: 110.0)!
    static let far = Coordinate(latitude: 31.0, longitude: 111.0)!

    /// N (primary only) lives by the junior school S2, F (junior only) by the primary school S1; each
    /// may hold one school. By distance alone N → S2 and F → S1 (0 km, 2 mismatches); a qualified
    /// inspector further away beats an unqualified one nearby: N → S1, F → S2.
    @Test func aQualifiedInspectorFurtherAwayBeatsAnUnqualifiedOneNearby() throws {
        var s1 = Fixture.school("S1", stage: .primary)
        s1.location = Self.far
        var s2 = Fixture.school("S2", stage: .junior)
        s2.location = Self.here
        var n = Fixture.inspector("N", .fullTime, maxSchools: 1, stages: [.primary])
        n.location = Self.here
        var f = Fixture.inspector("F", maxSchools: 1, stages: [.junior])
        f.location = Self.far
        let plan = try Fixture.plan([s1, s2], [n, f], policy: Fixture.policy(share: 0))
        #expect(plan.schools(of: "N") == ["S1"])
        #expect(plan.schools(of: "F") == ["S2"])
        #expect(plan.figures.stageMismatches == 0)
    }

    /// E's retirement window closes in 2028, within the 2027–2030 term; L serves throughout. Both are
    /// needed (cap 3 each, 5 schools); E keeps as few schools as the caps allow: 2, L takes 3.
    @Test func expiringInspectorsGetFewerSchools() throws {
        let e = Fixture.inspector("E", maxSchools: 3, status: .retired(on: Day(year: 2025, month: 6, day: 1)!))
        let l = Fixture.inspector("L", maxSchools: 3)
        let plan = try Fixture.plan(Fixture.schools(5), [e, l], policy: Fixture.policy(share: 0))
        #expect(plan.schools(of: "E").count == 2)
        #expect(plan.schools(of: "L").count == 3)
    }
}
