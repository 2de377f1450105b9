import DuxueDomain

/// A zone's place: the town (镇/乡) or subdistrict (街道) its schools are named after.
struct Place: Sendable {
    /// Two-character stem, e.g. 青山.
    var stem: String
    /// Full name, e.g. 青山镇, 河口乡, 解放街道.
    var name: String
    /// Whether this is the county seat (城关) or the urban centre.
    var isSeat: Bool
}

/// Gives schools unique, plausible Chinese names from their stage and place.
struct SchoolNamer {
    /// The district name used for county-level schools, e.g. 青阳县 or 城东区.
    let prefix: String
    /// Urban district (roads and subdistricts) rather than a county (towns and villages).
    let urban: Bool
    private var used: Set<String> = []
    private var seniors = 0
    private var vocationals = 0
    private var specials = 0
    private var urbanPrimaries = 0
    private var urbanJuniors = 0
    private var seatJuniors = 0

    init(prefix: String, urban: Bool) {
        self.prefix = prefix
        self.urban = urban
    }

    /// A name for the `k`-th school (0-based) of `stage` in the zone at `place`.
    mutating func name(stage: Stage, k: Int, place: Place, rng: inout SeededGenerator) -> String {
        let p = place.name
        var candidates: [String] = []
        let fallback: (Int) -> String
        switch stage {
        case .kindergarten:
            if k == 0 { candidates.append("\(p)中心幼儿园") }
            if place.isSeat && k == 1 { candidates.append("\(prefix)机关幼儿园") }
            if place.isSeat && k == 2 { candidates.append("\(prefix)实验幼儿园") }
            for _ in 0..<3 {
                if rng.chance(0.5) {
                    candidates.append("\(place.stem)\(rng.pick(ChineseNames.kindergartenBrands))幼儿园")
                } else {
                    candidates.append(urban ? "\(prefix)\(rng.pick(ChineseNames.roads))幼儿园"
                        : "\(p)\(ChineseNames.village(&rng))幼儿园")
                }
            }
            fallback = { "\(p)\(ChineseNames.ordinal($0))幼儿园" }
        case .primary:
            if urban {
                if place.isSeat && k == 0 { candidates.append("\(prefix)实验小学") }
                if k == 0 { candidates.append("\(place.stem)小学") }
                if rng.chance(0.4) { candidates.append("\(prefix)\(rng.pick(ChineseNames.roads))小学") }
                if urbanPrimaries < 60 {
                    urbanPrimaries += 1
                    candidates.append("\(prefix)\(ChineseNames.ordinal(urbanPrimaries))小学")
                }
            } else if place.isSeat {
                switch k {
                case 0: candidates.append("\(prefix)实验小学")
                case 1, 2: candidates.append("\(prefix)\(ChineseNames.ordinal(k + 1))实验小学")
                default: candidates.append("\(p)\(ChineseNames.ordinal(k - 2))小学")
                }
            } else {
                if k == 0 { candidates.append("\(p)中心小学") }
                for _ in 0..<3 { candidates.append("\(p)\(ChineseNames.village(&rng))小学") }
            }
            fallback = { "\(p)\(ChineseNames.ordinal($0))小学" }
        case .junior:
            if urban {
                if rng.chance(0.4) { candidates.append("\(prefix)\(rng.pick(ChineseNames.roads))中学") }
                if urbanJuniors < 30 {
                    urbanJuniors += 1
                    candidates.append("\(prefix)\(ChineseNames.ordinal(urbanJuniors))初级中学")
                }
                candidates.append("\(place.stem)中学")
            } else if place.isSeat {
                let directions = ["城南", "城北", "城东", "城西"]
                if seatJuniors < directions.count { candidates.append("\(directions[seatJuniors])初级中学") }
                seatJuniors += 1
            } else {
                if k == 0 { candidates.append("\(p)初级中学") }
                candidates.append("\(p)\(ChineseNames.village(&rng))中学")
            }
            fallback = { "\(p)\(ChineseNames.ordinal($0))初级中学" }
        case .senior:
            seniors += 1
            if seniors <= 6 || urban {
                candidates.append("\(prefix)\(ChineseNames.ordinal(seniors))中学")
            } else {
                candidates.append("\(p)高级中学")
            }
            fallback = { [prefix] in "\(prefix)\(ChineseNames.ordinal($0 + 5))中学" }
        case .nineYear, .twelveYear:
            let kind = stage == .nineYear ? "九年一贯制学校" : "十二年一贯制学校"
            if k == 0 { candidates.append("\(p)\(kind)") }
            for _ in 0..<2 {
                candidates.append(urban ? "\(prefix)\(rng.pick(ChineseNames.roads))学校" : "\(p)\(ChineseNames.village(&rng))学校")
            }
            fallback = { "\(p)\(ChineseNames.ordinal($0))\(kind)" }
        case .vocational:
            vocationals += 1
            switch vocationals {
            case 1: candidates.append("\(prefix)职业技术学校")
            case 2: candidates.append("\(prefix)职业中专")
            default: candidates.append("\(p)职业高级中学")
            }
            fallback = { [prefix] in "\(prefix)\(ChineseNames.ordinal($0))职业技术学校" }
        case .special:
            specials += 1
            candidates.append(specials == 1 ? "\(prefix)特殊教育学校" : "\(p)特殊教育学校")
            fallback = { [prefix] in "\(prefix)\(ChineseNames.ordinal($0))特殊教育学校" }
        case .other:
            candidates.append("\(p)培训学校")
            fallback = { "\(p)\(ChineseNames.ordinal($0))培训学校" }
        }
        return claim(candidates, fallback: fallback)
    }

    /// The first unused candidate, else the first unused numbered fallback from 2 on.
    private mutating func claim(_ candidates: [String], fallback: (Int) -> String) -> String {
        for candidate in candidates where used.insert(candidate).inserted { return candidate }
        var n = 2
        while true {
            let candidate = fallback(n)
            if used.insert(candidate).inserted { return candidate }
            n += 1
        }
    }
}
