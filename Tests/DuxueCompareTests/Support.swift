import DuxueCompare
import DuxueDomain
import DuxueGLPK
import DuxueMIP
import Foundation

/// Hand-made districts for the comparison tests.
enum Fixture {
    static let termStart = Day(year: 2027, month: 9, day: 1)!

    /// The combined policy with the term start fixed.
    static var policy: Policy { Policy(termStart: termStart) }

    /// Ten schools in zone A: S1 2500, S2 1800, S3 1600 students, S4–S10 500 each; the pool is I1
    /// (full-time) and I2–I4 (part-time).
    ///
    /// Threshold 2000: S1 is the only large school, so 1 + ⌈9/5⌉ = 3 inspectors are required; lean
    /// staffing appoints exactly 3 (S1's dedicated inspector and two holding 5 and 4), one of them
    /// full-time for the 20 % share: 1 full-time, 2 part-time, share 1/3, no recruits.
    /// Threshold 1500: S1, S2, S3 are large: 3 + ⌈7/5⌉ = 5 required, 5 appointed, one more than the
    /// pool, so one recruit; 1 full-time of 5 meets 20 %, so the recruit is part-time (P1b).
    static var small: District {
        let enrollments = [2500, 1800, 1600] + Array(repeating: 500, count: 7)
        let schools = enrollments.enumerated().map { index, students in
            School(id: School.ID("S\(index + 1)")!, name: "School \(index + 1)", enrollment: students, zone: Zone("A")!)
        }
        let inspectors = (1...4).map { number in
            Inspector(id: Inspector.ID("I\(number)")!, name: "Inspector \(number)",
                      employment: number == 1 ? .fullTime : .partTime, zone: Zone("A")!)
        }
        return District(name: "small", schools: schools, inspectors: inspectors)
    }

    /// A district of `schools` schools in three zones with coordinates and a pool of `inspectors`,
    /// from a fixed linear congruential sequence (the same every run).
    static func medium(schools: Int = 90, inspectors: Int = 26) -> District {
        var state: UInt64 = 20_260_901
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let zones = ["东区", "西区", "南区"].map { Zone($0)! }
        let schoolList = (1...schools).map { number in
            let zone = next(3)
            return School(
                id: School.ID(String(format: "S%03d", number))!, name: "学校\(number)",
                enrollment: 200 + next(2800), zone: zones[zone], stage: Stage.allCases[next(4)],
                location: Coordinate(latitude: 31 + Double(zone) * 0.1 + Double(next(1000)) / 20_000,
                                     longitude: 117 + Double(next(1000)) / 20_000))
        }
        let pool = (1...inspectors).map { number in
            let zone = next(3)
            return Inspector(
                id: Inspector.ID(String(format: "I%03d", number))!, name: "督学\(number)",
                employment: next(4) == 0 ? .fullTime : .partTime, zone: zones[zone],
                location: Coordinate(latitude: 31 + Double(zone) * 0.1 + Double(next(1000)) / 20_000,
                                     longitude: 117 + Double(next(1000)) / 20_000))
        }
        return District(name: "medium", schools: schoolList, inspectors: pool)
    }

    /// A runner on GLPK.
    static func runner(jobs: Int) -> ComparisonRunner {
        ComparisonRunner(jobs: jobs) { GLPKSolver() }
    }

    /// Text of a scenario file in Tests/DuxueCompareTests/Scenarios.
    static func scenarioText(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: "Scenarios/\(name)", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
