import DuxueDomain

/// Generates synthetic but realistic districts (schools, zones and an inspector pool) for samples,
/// tests and benchmarks. The same configuration, seed included, always gives the same district.
public struct DistrictGenerator: Sendable {
    /// How the eligible inspector pool compares with the headcount the ratio rules require.
    public enum PoolShape: String, CaseIterable, Sendable {
        /// About 1.3 × the required headcount eligible, about 25% of them full-time.
        case ample
        /// Exactly the required headcount eligible, with just enough full-time members for the share.
        case tight
        /// About 75% of the required headcount eligible and too few full-time: recruits are needed.
        case short
        /// Enough people (about 1.2 ×), but only about 10% full-time: full-time recruits are needed.
        case shortOfFullTime = "short-of-full-time"
    }

    /// How schools are divided into responsibility zones.
    public enum Zoning: Hashable, Sendable {
        /// This many zones.
        case count(Int)
        /// About this many schools per zone (教督〔2012〕7号: at most 20).
        case schoolsPerZone(Int)
    }

    /// The kind of district, which decides place and school names and how far it spreads.
    public enum Setting: String, CaseIterable, Sendable {
        /// A county (县): towns and townships (镇/乡) around a county seat (城关镇), ±0.3°.
        case county
        /// An urban district (区): subdistricts (街道) and roads, ±0.08°.
        case urban
    }

    /// How zones are named.
    public enum ZoneNaming: String, CaseIterable, Sendable {
        /// After the zone's town or subdistrict: 城关责任区, 青山责任区.
        case town
        /// By number: 第一责任区, 第二责任区.
        case ordinal
    }

    /// Everything that shapes a generated district.
    public struct Configuration: Sendable {
        /// Number of schools and kindergartens, ≥ 1.
        public var schools: Int
        /// Shape of the inspector pool.
        public var pool: PoolShape
        /// Number of zones or schools per zone.
        public var zoning: Zoning
        /// County or urban district.
        public var setting: Setting
        /// Zone names; `nil` chooses by setting (town names in a county, ordinals in an urban district).
        public var zoneNaming: ZoneNaming?
        /// Whether schools and inspectors get coordinates.
        public var coordinates: Bool
        /// Share of inspectors with one or two schools to recuse from, 0…1.
        public var conflictShare: Double
        /// Seed of the random choices.
        public var seed: UInt64
        /// The policy the pool is sized against (ratio, large-school threshold, full-time share,
        /// retirement and term limits, zone mode) and whose term start dates the pool.
        public var policy: Policy
        /// Name of the district; `nil` picks one from the seed (e.g. 青阳县, 城东区).
        public var districtName: String?
        /// The county seat or district centre; `nil` picks one in central China from the seed.
        public var seat: Coordinate?
        /// When set, also make the roster in force (`GeneratedDistrict.previous`) with this share of
        /// schools and pool changed since it was made (e.g. 0.05).
        public var previousChurn: Double?

        /// Date the planned term starts (the policy's term start).
        public var termStart: Day {
            get { policy.termStart }
            set { policy.termStart = newValue }
        }

        /// A configuration with the combined policy for `termStart` and the usual defaults:
        /// about 16 schools per zone, coordinates, 15% of inspectors with conflicts.
        public init(
            schools: Int, pool: PoolShape = .ample, seed: UInt64 = 1, termStart: Day,
            zoning: Zoning = .schoolsPerZone(16), setting: Setting = .county, coordinates: Bool = true,
            conflictShare: Double = 0.15
        ) {
            self.schools = schools
            self.pool = pool
            self.seed = seed
            self.policy = Policy(termStart: termStart)
            self.zoning = zoning
            self.setting = setting
            self.zoneNaming = nil
            self.coordinates = coordinates
            self.conflictShare = conflictShare
            self.districtName = nil
            self.seat = nil
            self.previousChurn = nil
        }
    }

    /// The configuration.
    public let configuration: Configuration

    /// A generator for a configuration.
    public init(_ configuration: Configuration) { self.configuration = configuration }

    /// Generates the district. Fast: a 3 000-school district takes well under a second.
    public func generate() throws(SynthError) -> GeneratedDistrict {
        let config = configuration
        guard config.schools >= 1 else { throw .invalidSchoolCount(config.schools) }
        guard (0...1).contains(config.conflictShare) else { throw .invalidConflictShare(config.conflictShare) }
        let zoneCount: Int
        switch config.zoning {
        case .count(let n):
            guard (1...config.schools).contains(n) else { throw .invalidZoneCount(n, schools: config.schools) }
            zoneCount = n
        case .schoolsPerZone(let n):
            guard n >= 1 else { throw .invalidSchoolsPerZone(n) }
            zoneCount = max(1, Int((Double(config.schools) / Double(n)).rounded()))
        }
        if let name = config.districtName, name.trimmedWhitespace.isEmpty { throw .emptyDistrictName }

        var layoutRNG = SeededGenerator(seed: config.seed, stream: 1)
        let layout = Layout.make(config: config, zoneCount: zoneCount, rng: &layoutRNG)
        let schools = SchoolFactory(config: config, layout: layout).make()
        let inspectors = PoolFactory(config: config, layout: layout, schools: schools).make()
        let district = District(name: layout.districtName, schools: schools, inspectors: inspectors)
        let previous = config.previousChurn.map {
            PreviousRosterMaker(district: district, policy: config.policy, churn: $0, seed: config.seed).make()
        }
        return GeneratedDistrict(district: district, policy: config.policy, previous: previous)
    }
}

/// A generated district with the policy it was sized against.
public struct GeneratedDistrict: Sendable {
    /// Schools and inspector pool.
    public var district: District
    /// The policy the pool shape refers to (term start included).
    public var policy: Policy
    /// The roster in force, made at the policy's term start for the district as it was a year of
    /// changes ago (when `Configuration.previousChurn` is set).
    public var previous: PreviousTerm?

    /// The previous term's roster, if generated.
    public var previousRoster: Roster? { previous?.roster }

    /// A generated district.
    public init(district: District, policy: Policy, previous: PreviousTerm? = nil) {
        self.district = district
        self.policy = policy
        self.previous = previous
    }
}

/// Why a configuration cannot be generated.
public enum SynthError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Fewer than one school.
    case invalidSchoolCount(Int)
    /// Zone count not between 1 and the number of schools.
    case invalidZoneCount(Int, schools: Int)
    /// Schools per zone below 1.
    case invalidSchoolsPerZone(Int)
    /// Conflict share outside 0…1.
    case invalidConflictShare(Double)
    /// A blank district name.
    case emptyDistrictName

    /// A lower-case message naming the problem and the fix.
    public var description: String {
        switch self {
        case .invalidSchoolCount(let n): "cannot generate \(n) schools: give at least 1"
        case .invalidZoneCount(let n, let schools): "cannot make \(n) zones for \(schools) schools: give 1…\(schools)"
        case .invalidSchoolsPerZone(let n): "cannot put \(n) schools in a zone: give at least 1"
        case .invalidConflictShare(let share): "conflict share \(share) is not between 0 and 1"
        case .emptyDistrictName: "the district name is blank: give a name or leave it out"
        }
    }
}

// MARK: - Layout: zones, places and map

/// Zones with their sizes, places and map centres.
struct Layout {
    /// District name, e.g. 青阳县.
    var districtName: String
    /// Zone names in order.
    var zones: [Zone]
    /// The place each zone is named after.
    var places: [Place]
    /// Schools per zone.
    var sizes: [Int]
    /// Map centre of each zone (latitude, longitude offsets already applied).
    var centres: [(lat: Double, lon: Double)]
    /// The district's centre.
    var seat: (lat: Double, lon: Double)
    /// Half-width of the district in degrees.
    var spread: Double
    /// Side of a zone's grid cell in degrees.
    var cell: Double

    static func make(config: DistrictGenerator.Configuration, zoneCount z: Int, rng: inout SeededGenerator) -> Layout {
        let urban = config.setting == .urban
        let districtName = config.districtName?.trimmedWhitespace
            ?? (urban ? rng.pick(ChineseNames.urbanDistricts) : rng.pick(ChineseNames.countyStems) + "县")

        // Sizes: as even as possible, then shuffled a little within 12…20 (or the even size when outside).
        let n = config.schools
        var sizes = (0..<z).map { n / z + ($0 < n % z ? 1 : 0) }
        let low = min(12, n / z), high = max(20, (n + z - 1) / z)
        if z > 1 {
            for _ in 0..<(4 * z) {
                let a = rng.below(z), b = rng.below(z)
                if a != b, sizes[a] > low, sizes[b] < high, sizes[a] > 1 {
                    sizes[a] -= 1
                    sizes[b] += 1
                }
            }
        }

        let stems = ChineseNames.placeStems(count: z, urban: urban, rng: &rng)
        let places = stems.enumerated().map { index, stem in
            let suffix = urban ? "街道" : (index == 0 || rng.chance(0.7) ? "镇" : "乡")
            return Place(stem: stem, name: stem + suffix, isSeat: index == 0)
        }
        let naming = config.zoneNaming ?? (urban ? .ordinal : .town)
        let zones = places.indices.map { index in
            Zone(uncheckedRawValue: naming == .town
                ? places[index].stem + "责任区" : ChineseNames.ordinal(index + 1) + "责任区")
        }

        // Map: the seat, then zone centres on a jittered grid, the seat's zone in the middle.
        let seatLat = config.seat?.latitude ?? (rng.double(in: 24...34) * 100).rounded() / 100
        let seatLon = config.seat?.longitude ?? (rng.double(in: 104...118) * 100).rounded() / 100
        let spread = urban ? 0.08 : 0.3
        var side = 1
        while side * side < z { side += 1 }
        let cell = 2 * spread / Double(side)
        var cells: [(Double, Double)] = []
        for row in 0..<side {
            for column in 0..<side {
                cells.append((-spread + cell * (Double(row) + 0.5), -spread + cell * (Double(column) + 0.5)))
            }
        }
        let ranked = cells.enumerated().sorted { a, b in
            let da = a.element.0 * a.element.0 + a.element.1 * a.element.1
            let db = b.element.0 * b.element.0 + b.element.1 * b.element.1
            return da != db ? da < db : a.offset < b.offset
        }.map(\.element)
        var chosen = Array(ranked.prefix(z))
        var rest = Array(chosen.dropFirst())
        rng.shuffle(&rest)
        chosen = Array(chosen.prefix(1)) + rest
        let centres = chosen.map { offset in
            (lat: seatLat + offset.0 + rng.double(in: -0.2...0.2) * cell,
             lon: seatLon + offset.1 + rng.double(in: -0.2...0.2) * cell)
        }
        return Layout(
            districtName: districtName, zones: zones, places: places, sizes: sizes, centres: centres,
            seat: (seatLat, seatLon), spread: spread, cell: cell)
    }

    /// A point near a zone's centre (`scale` × the cell size spread), kept inside the district.
    func point(near zone: Int, scale: Double, rng: inout SeededGenerator) -> Coordinate? {
        let lat = centres[zone].lat + rng.bell() * scale * cell
        let lon = centres[zone].lon + rng.bell() * scale * cell
        func clamp(_ x: Double, _ centre: Double) -> Double { min(centre + spread, max(centre - spread, x)) }
        return Coordinate(latitude: clamp(lat, seat.lat), longitude: clamp(lon, seat.lon))
    }
}

/// Identifier text with at least three digits: S-001, I-0042.
func code(_ prefix: String, _ number: Int, total: Int) -> String {
    let width = max(3, String(total).count)
    let digits = String(number)
    return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
}

/// Splits `total` in proportion to `weights` (largest remainder; ties to the larger weight, then the earlier).
func apportion(_ total: Int, weights: [Int]) -> [Int] {
    let sum = weights.reduce(0, +)
    guard sum > 0, total > 0 else {
        return weights.indices.map { $0 == 0 ? max(0, total) : 0 }
    }
    var shares = weights.map { total * $0 / sum }
    let remainders = weights.map { total * $0 % sum }
    let order = weights.indices.sorted { a, b in
        remainders[a] != remainders[b] ? remainders[a] > remainders[b]
            : weights[a] != weights[b] ? weights[a] > weights[b] : a < b
    }
    var left = total - shares.reduce(0, +)
    for index in order where left > 0 {
        shares[index] += 1
        left -= 1
    }
    return shares
}
