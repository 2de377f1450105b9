import DuxueDomain
import Testing

@Suite("Policy and days") struct PolicyTests {
    @Test(arguments: [(0.2, 1, 5), (0.3, 3, 10), (0.25, 1, 4), (0.0, 0, 1), (0.07, 7, 100), (0.14, 7, 50), (0.29, 29, 100), (0.123_45, 247, 2000)])
    func shareIsAnExactFraction(share: Double, numerator: Int, denominator: Int) {
        var policy = Make.policy
        policy.minFullTimeShare = share
        #expect(policy.fullTimeShareFraction == (numerator, denominator))
    }

    @Test func requiredHeadcount() {
        // Zone A: 1 large + 6 standard → 1 + 2; zone B: 4 standard → 1. Required: 4 by zone, 1 + ⌈10/5⌉ = 3 overall.
        let schools = [Make.school("L", enrollment: 2500)] + (1...6).map { Make.school("A\($0)") } + (1...4).map { Make.school("B\($0)", zone: "B") }
        let district = District(name: "d", schools: schools, inspectors: [])
        #expect(district.requiredHeadcount(under: Make.policy) == 4)
        var prefer = Make.policy
        prefer.zones = .prefer
        #expect(district.requiredHeadcount(under: prefer) == 3)
    }

    @Test func daysAndYears() {
        #expect(Day(iso: "2023-02-29") == nil)
        #expect(Day(iso: "2024-02-29")?.addingYears(1) == Day(iso: "2025-02-28"))
        #expect(abs(Day(iso: "2023-05-31")!.years(until: Day(iso: "2027-09-01")!) - 4.25) < 0.01)
        #expect(School.ID("S-2")! < School.ID("S-10")!)
        #expect(Language(locale: "en_US.UTF-8") == .en)
        #expect(Language(locale: "zh_CN.UTF-8") == .zh)
        #expect(Language(locale: nil) == .zh)
        #expect(Language(locale: "C") == .zh && Language(locale: "POSIX") == .zh && Language(locale: "C.UTF-8") == .zh)
        #expect(Language(locale: "en_GB") == .en)
    }
}
