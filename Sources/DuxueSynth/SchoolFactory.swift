#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import DuxueDomain

/// The school mix of a Chinese county and how big each kind of school gets.
public enum SchoolMix {
    /// Share of each stage among a district's schools (about 45% kindergartens, 33% primary schools).
    public static let shares: [(stage: Stage, share: Double)] = [
        (.kindergarten, 0.45), (.primary, 0.33), (.junior, 0.10), (.nineYear, 0.05), (.senior, 0.035),
        (.vocational, 0.02), (.special, 0.015),
    ]

    /// Enrollment range of each stage.
    public static func enrollmentRange(of stage: Stage) -> ClosedRange<Int> {
        switch stage {
        case .kindergarten: 60...400
        case .primary: 150...2500
        case .junior: 300...2200
        case .senior: 800...3500
        case .nineYear: 400...2600
        case .twelveYear: 800...3500
        case .vocational: 500...3000
        case .special: 40...200
        case .other: 50...500
        }
    }

    /// Share of schools whose enrollment reaches 2 000 (large by enrollment under the combined policy).
    public static let largeShare = 0.04
    /// Schools per explicit large designation (大规模学校 by the district's decision): one in a hundred.
    public static let schoolsPerDesignation = 100

    /// How likely a school of this stage is to be one of the large ones, relative to a primary school.
    static func largeWeight(of stage: Stage) -> Double {
        switch stage {
        case .senior: 12
        case .twelveYear: 8
        case .vocational: 6
        case .nineYear: 2
        case .junior: 1.5
        case .primary: 1
        case .kindergarten, .special, .other: 0
        }
    }

    /// Exponent applied to a uniform draw within the enrollment range: above 1 favours small schools.
    static func skew(of stage: Stage) -> Double {
        switch stage {
        case .kindergarten, .special, .other: 1.3
        case .primary, .junior, .nineYear: 2.0
        case .senior, .twelveYear, .vocational: 1.5
        }
    }

    /// Order of stages within a zone's list: secondary schools first, kindergartens last.
    static let listOrder: [Stage] = [.senior, .twelveYear, .vocational, .nineYear, .junior, .primary, .special, .kindergarten, .other]
}

/// Builds the schools of a layout.
struct SchoolFactory {
    let config: DistrictGenerator.Configuration
    let layout: Layout

    private struct Draft {
        var zone: Int
        var stage: Stage
        var enrollment = 0
        var designated: Bool?
    }

    func make() -> [School] {
        var rng = SeededGenerator(seed: config.seed, stream: 2)
        var nameRNG = SeededGenerator(seed: config.seed, stream: 3)
        var mapRNG = SeededGenerator(seed: config.seed, stream: 4)
        let n = config.schools
        let threshold = config.policy.largeSchoolEnrollment

        // Stages by quota; the seat gets the first senior, vocational and special school.
        let counts = apportion(n, weights: SchoolMix.shares.map { Int(($0.share * 10_000).rounded()) })
        var pool: [Stage] = []
        for (index, entry) in SchoolMix.shares.enumerated() {
            pool += Array(repeating: entry.stage, count: counts[index])
        }
        var seatStages: [Stage] = []
        for stage in [Stage.senior, .vocational, .special] where seatStages.count < layout.sizes[0] {
            if let index = pool.firstIndex(of: stage) {
                pool.remove(at: index)
                seatStages.append(stage)
            }
        }
        // Spread each stage evenly over the zones: order the slots by their jittered relative position
        // within their zone and deal the stages (grouped by stage, in `shares` order) in that order.
        var slots: [(zone: Int, key: Double)] = []
        for (zone, size) in layout.sizes.enumerated() {
            let reserved = zone == 0 ? seatStages.count : 0
            for j in reserved..<max(reserved, size) {
                slots.append((zone, (Double(j - reserved) + rng.unit()) / Double(max(1, size - reserved))))
            }
        }
        slots = slots.enumerated().sorted { a, b in
            a.element.key != b.element.key ? a.element.key < b.element.key : a.offset < b.offset
        }.map(\.element)
        var stageOfZone = Array(repeating: [Stage](), count: layout.sizes.count)
        stageOfZone[0] = seatStages
        for (slot, stage) in zip(slots, pool) { stageOfZone[slot.zone].append(stage) }
        var drafts: [Draft] = []
        drafts.reserveCapacity(n)
        for (zone, stages) in stageOfZone.enumerated() {
            for stage in stages { drafts.append(Draft(zone: zone, stage: stage)) }
        }

        // Enrollment below the threshold, skewed towards small schools.
        for index in drafts.indices {
            let range = SchoolMix.enrollmentRange(of: drafts[index].stage)
            let top = min(range.upperBound, threshold - 1)
            let low = min(range.lowerBound, top)
            drafts[index].enrollment = low + Int((Double(top - low) * pow(rng.unit(), SchoolMix.skew(of: drafts[index].stage))).rounded())
        }

        // A few large schools, mostly senior and vocational schools, more likely in the seat.
        var weights = drafts.map { draft -> Double in
            guard SchoolMix.enrollmentRange(of: draft.stage).upperBound >= threshold else { return 0 }
            return SchoolMix.largeWeight(of: draft.stage) * (draft.zone == 0 ? 2.5 : 1)
        }
        let largeCount = Int((Double(n) * SchoolMix.largeShare).rounded())
        for _ in 0..<largeCount {
            guard let index = rng.weightedIndex(weights) else { break }
            weights[index] = 0
            let top = SchoolMix.enrollmentRange(of: drafts[index].stage).upperBound
            drafts[index].enrollment = threshold + Int((Double(top - threshold) * pow(rng.unit(), 1.5)).rounded())
        }

        // Rarely, an explicit designation: a school just under the threshold the district counts as large.
        let designatable: Set<Stage> = [.primary, .junior, .senior, .nineYear]
        let candidates = drafts.indices.filter {
            designatable.contains(drafts[$0].stage) && drafts[$0].enrollment < threshold
        }
        for index in rng.sample(candidates, count: n / SchoolMix.schoolsPerDesignation) {
            drafts[index].designated = true
            drafts[index].enrollment = max(1, threshold - rng.int(in: 1...500))
        }

        // Order within zones, names, ids.
        let rank = Dictionary(uniqueKeysWithValues: SchoolMix.listOrder.enumerated().map { ($1, $0) })
        let ordered = drafts.enumerated().sorted { a, b in
            if a.element.zone != b.element.zone { return a.element.zone < b.element.zone }
            let ra = rank[a.element.stage] ?? 0, rb = rank[b.element.stage] ?? 0
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
        var namer = SchoolNamer(prefix: layout.districtName, urban: config.setting == .urban)
        var perStage: [Int: [Stage: Int]] = [:]
        return ordered.enumerated().map { index, draft in
            let k = perStage[draft.zone, default: [:]][draft.stage, default: 0]
            perStage[draft.zone, default: [:]][draft.stage] = k + 1
            let name = namer.name(stage: draft.stage, k: k, place: layout.places[draft.zone], rng: &nameRNG)
            let location = config.coordinates ? layout.point(near: draft.zone, scale: 0.22, rng: &mapRNG) : nil
            return School(
                id: School.ID(uncheckedRawValue: code("S-", index + 1, total: n)), name: name,
                enrollment: draft.enrollment, zone: layout.zones[draft.zone], stage: draft.stage,
                largeDesignation: draft.designated, location: location)
        }
    }
}
