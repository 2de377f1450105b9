import DuxueDomain
import DuxueMIP

/// The planning model over class counts, built in small named steps that read like the maths.
///
/// Notation: k inspector classes (m_k members, cap c_k), g school classes (n_g schools), z zones,
/// p = schools per inspector, share = P/Q.
/// - f[k,g] ∈ ℤ₊  standard schools of g held by members of k (same zone, or the previous holder);
/// - d[k,g] ∈ ℤ₊  large schools of g held, one each, by members of k;
/// - hub flows (zones ≠ require): cross-zone supply s_k and demand r_g through a pool, balanced;
/// - b_k ∈ ℤ₊     members of k appointed to standard schools;
/// - u_g ∈ ℤ₊     schools of g left to vacancies;  V_z ∈ ℤ₊ standard vacancies; F_z ∈ ℤ₊ full-time ones.
struct RosterModel {
    /// The MIP.
    private(set) var model: Model
    let partition: ClassPartition
    let policy: Policy

    /// Terms of the schools held by each inspector class: standard and large.
    private(set) var standardLoad: [LinearExpression]
    private(set) var largeLoad: [LinearExpression]
    /// b_k.
    private(set) var standardAppointed: [Variable] = []
    /// Schools of each class covered by pool inspectors.
    private(set) var covered: [LinearExpression]
    /// u_g.
    private(set) var vacancyServed: [Variable] = []
    /// Standard-school vacancies per zone (V_z) and full-time vacancies per zone (F_z).
    private(set) var standardVacancies: [Zone: Variable] = [:]
    private(set) var fullTimeVacancies: [Zone: Variable] = [:]
    /// Every assignment column with its classes, for reading the solution back.
    private(set) var direct: [(variable: Variable, k: Int, g: Int)] = []
    private var directByInspectorClass: [Int: [(Variable, Int)]] = [:]
    /// f[k,g] or d[k,g] by (k, g).
    private(set) var directByPair: [Pair: Variable] = [:]

    /// An (inspector class, school class) pair.
    struct Pair: Hashable {
        let k: Int
        let g: Int
    }
    /// The row of the full-time share R4 (`nil` when the policy sets no share).
    private(set) var fullTimeShareRow: Int?
    /// Hub columns: pool supply by inspector class and demand by school class, per hub.
    private(set) var hubSupply: [(variable: Variable, hub: Hub, k: Int)] = []
    private(set) var hubDemand: [(variable: Variable, hub: Hub, g: Int)] = []

    /// The four cross-zone pools: standard or large schools; demand from schools nobody must recuse
    /// from (any supplier) or from schools with recusals (suppliers without conflicts only).
    struct Hub: Hashable {
        let large: Bool
        let recusalSafe: Bool
        var name: String { "\(large ? "large" : "std")\(recusalSafe ? "-clean" : "")" }
    }

    init(partition: ClassPartition, policy: Policy) {
        self.partition = partition
        self.policy = policy
        model = Model(name: "duxue")
        standardLoad = Array(repeating: LinearExpression(), count: partition.inspectorClasses.count)
        largeLoad = standardLoad
        covered = Array(repeating: LinearExpression(), count: partition.schoolClasses.count)
    }

    /// Builds every variable and constraint.
    mutating func build() {
        addDirectAssignments()
        if policy.zones != .require { addCrossZonePools() }
        addVacancies()
        addCoverage()
        addWorkloadLimits()
        addFullTimeShare()
        addZoneRoundingCuts()
        addPins()
    }

    /// Pinned pairs (指定): the pinned inspector k* holds every school of a pinned class g,
    /// f[k*,g] (or d[k*,g]) = n_g; coverage then leaves nothing of g to anyone else.
    mutating func addPins() {
        for g in partition.schoolClasses {
            guard let holder = g.pinned,
                let k = partition.inspectorClasses.first(where: { $0.size == 1 && $0.members.first?.id == holder }),
                let x = directByPair[Pair(k: k.index, g: g.index)]
            else { continue }
            model.addConstraint("pin[\(g.name)]", LinearExpression([(x, 1)]), greaterOrEqual: Double(g.size))
        }
    }

    // MARK: Variables

    /// Same-zone (and previous-holder) assignment counts f[k,g] ≤ min(n_g, c_k·m_k) and
    /// d[k,g] ≤ min(n_g, m_k) for every compatible pair. Cross-zone pairs between an inspector with
    /// conflicts and schools with recusals, which no pool can carry safely, are direct too.
    mutating func addDirectAssignments() {
        let byZone = partition.schoolClassesByZone
        let recusalClasses = partition.schoolClasses.filter { !$0.conflictors.isEmpty }
        for k in partition.inspectorClasses {
            var targets = byZone[k.zone] ?? []
            var seen = Set(targets.map(\.index))
            if policy.zones != .require {
                if k.hasConflicts { targets += recusalClasses.filter { seen.insert($0.index).inserted } }
                if k.size == 1, let member = k.members.first {
                    targets += partition.schoolClasses.filter {
                        ($0.previous == member.id || $0.pinned == member.id) && seen.insert($0.index).inserted
                    }
                }
            } else if k.size == 1, let member = k.members.first {
                targets += partition.schoolClasses.filter {
                    $0.previous == member.id && $0.zone == k.zone && seen.insert($0.index).inserted
                }
            }
            for g in targets where partition.compatible(k, g, zones: policy.zones) {
                let upper = g.isLarge ? min(g.size, k.size) : min(g.size, k.capacity * k.size)
                let kind: VariableKind = upper == 1 ? .binary : .integer
                let x = model.addVariable("\(g.isLarge ? "d" : "f")[\(k.name),\(g.name)]", kind: kind, lower: 0, upper: Double(upper))
                direct.append((x, k.index, g.index))
                directByInspectorClass[k.index, default: []].append((x, g.index))
                directByPair[Pair(k: k.index, g: g.index)] = x
                if g.isLarge { largeLoad[k.index].add(x) } else { standardLoad[k.index].add(x) }
                covered[g.index].add(x)
            }
        }
    }

    /// Cross-zone pools: Σ_k s_k = Σ_g r_g per pool; an inspector class supplies the recusal-safe
    /// pools only when it has no conflicts, and a school class draws from the pool matching its recusals.
    mutating func addCrossZonePools() {
        for large in [false, true] {
            for recusalSafe in [false, true] {
                let hub = Hub(large: large, recusalSafe: recusalSafe)
                var balance = LinearExpression()
                for k in partition.inspectorClasses where !(recusalSafe && k.hasConflicts) {
                    let upper = large ? k.size : k.capacity * k.size
                    let s = model.addVariable("pool_out[\(hub.name),\(k.name)]", kind: .integer, lower: 0, upper: Double(upper))
                    hubSupply.append((s, hub, k.index))
                    balance.add(s)
                    if large { largeLoad[k.index].add(s) } else { standardLoad[k.index].add(s) }
                }
                for g in partition.schoolClasses where g.isLarge == large && g.conflictors.isEmpty != recusalSafe {
                    let r = model.addVariable("pool_in[\(hub.name),\(g.name)]", kind: .integer, lower: 0, upper: Double(g.size))
                    hubDemand.append((r, hub, g.index))
                    balance.add(r, -1)
                    covered[g.index].add(r)
                }
                if !balance.terms.isEmpty { model.addConstraint("pool_balance[\(hub.name)]", balance, equal: 0) }
            }
        }
    }

    /// Vacancies: u_g schools of each class to recruits of the class's zone; standard schools need
    /// V_z ≥ Σ_{g std in z} u_g / p recruits (integer, so ⌈·⌉) and V_z ≤ Σ u_g (none idle), large
    /// ones one each; F_z ≤ V_z + L_z.
    mutating func addVacancies() {
        vacancyServed = partition.schoolClasses.map { g in
            model.addVariable("vacancy_serves[\(g.name)]", kind: g.size == 1 ? .binary : .integer, lower: 0, upper: Double(g.size))
        }
        for zone in partition.zones {
            let classes = partition.schoolClassesByZone[zone, default: []]
            guard !classes.isEmpty else { continue }
            let standardCount = classes.filter { !$0.isLarge }.reduce(0) { $0 + $1.size }
            let maxStandard = (standardCount + policy.schoolsPerInspector - 1) / policy.schoolsPerInspector
            let v = model.addVariable("recruits_std[\(partition.zoneCodes[zone] ?? "Z0")]", kind: .integer, lower: 0, upper: Double(maxStandard))
            standardVacancies[zone] = v
            var served = LinearExpression(classes.filter { !$0.isLarge }.map { (vacancyServed[$0.index], 1.0) })
            served.add(v, -Double(policy.schoolsPerInspector))
            if maxStandard > 0 {
                model.addConstraint("recruit_capacity[\(partition.zoneCodes[zone] ?? "Z0")]", served, lessOrEqual: 0)
                // Every recruit holds at least one school: Σ u_g ≥ V_z.
                var atLeastOne = LinearExpression(classes.filter { !$0.isLarge }.map { (vacancyServed[$0.index], 1.0) })
                atLeastOne.add(v, -1)
                model.addConstraint("recruit_holds_one[\(partition.zoneCodes[zone] ?? "Z0")]", atLeastOne, greaterOrEqual: 0)
            }
            let f = model.addVariable("recruits_ft[\(partition.zoneCodes[zone] ?? "Z0")]", kind: .integer, lower: 0, upper: nil)
            fullTimeVacancies[zone] = f
            model.addConstraint("recruits_ft_within[\(partition.zoneCodes[zone] ?? "Z0")]", LinearExpression([(f, 1)]) - vacancies(in: zone), lessOrEqual: 0)
        }
    }

    // MARK: Constraints

    /// R1 coverage: Σ_k f[k,g] + Σ pool r_g + u_g = n_g for every school class.
    mutating func addCoverage() {
        for g in partition.schoolClasses {
            var expression = covered[g.index]
            expression.add(vacancyServed[g.index])
            model.addConstraint("cover[\(g.name)]", expression, equal: Double(g.size))
        }
    }

    /// R2, R3 and appointment: with a_k = Σ_g d[k,g] + pool large supply (dedicated inspectors),
    /// b_k ≤ Σ standard load ≤ c_k·b_k, a_k + b_k ≤ m_k; for a class of one, also
    /// f[k,g] ≤ min(n_g, c_k)·b_k (the tight link of each assignment to the appointment).
    mutating func addWorkloadLimits() {
        for k in partition.inspectorClasses {
            let b = model.addVariable("appointed[\(k.name)]", kind: k.size == 1 ? .binary : .integer, lower: 0, upper: Double(k.size))
            standardAppointed.append(b)
            var upper = standardLoad[k.index]
            upper.add(b, -Double(k.capacity))
            model.addConstraint("workload_max[\(k.name)]", upper, lessOrEqual: 0)
            var lower = standardLoad[k.index]
            lower.add(b, -1)
            model.addConstraint("workload_min[\(k.name)]", lower, greaterOrEqual: 0)
            var people = largeLoad[k.index]
            people.add(b)
            model.addConstraint("members[\(k.name)]", people, lessOrEqual: Double(k.size))
            guard k.size == 1 else { continue }
            for (x, g) in directByInspectorClass[k.index, default: []] where !partition.schoolClasses[g].isLarge {
                let bound = Double(min(partition.schoolClasses[g].size, k.capacity))
                model.addConstraint("link[\(model.variables[x.index].name)]", LinearExpression([(x, 1), (b, -bound)]), lessOrEqual: 0)
            }
        }
    }

    /// R4 full-time share, exactly in integers: Q·(full-time appointees) − P·(all appointees) ≥ 0.
    /// With `full_time_share_basis = pool`, every eligible full-time member counts, appointed or not:
    /// their (Q − P)·size is a constant on the right-hand side.
    mutating func addFullTimeShare() {
        let (p, q) = policy.fullTimeShareFraction
        guard p > 0 else { return }
        var expression = LinearExpression()
        var idleFullTime = 0
        for k in partition.inspectorClasses {
            if k.employment == .fullTime && policy.fullTimeShareBasis == .pool {
                idleFullTime += k.size
                continue
            }
            let weight = Double(k.employment == .fullTime ? q - p : -p)
            expression.add(appointees(of: k), scaledBy: weight)
        }
        for zone in partition.zones where standardVacancies[zone] != nil {
            expression.add(vacancies(in: zone), scaledBy: Double(-p))
            if let f = fullTimeVacancies[zone] { expression.add(f, Double(q)) }
        }
        fullTimeShareRow = model.constraints.count
        model.addConstraint("full_time_share", expression, greaterOrEqual: -Double((q - p) * idleFullTime))
    }

    /// Valid inequalities that give the LP the integer rounding it lacks, one per zone.
    ///
    /// Zone z's N_z standard schools are held by its own appointees (at most p each), its recruits
    /// (V_z, at most p each) or imported from other zones (I_z), so p·B + I_z ≥ N_z with
    /// B = Σ_{k∈z} b_k + V_z integer. Its mixed-integer rounding, with f = N_z/p − ⌊N_z/p⌋ > 0, is
    ///     B + I_z / (p·f) ≥ ⌈N_z / p⌉.
    /// Without it the LP spreads schools fractionally and its bound on P1 and P4 trails the optimum
    /// by about half an appointee per zone, which GLPK's branching cannot close on large districts.
    mutating func addZoneRoundingCuts() {
        let p = policy.schoolsPerInspector
        var imports: [Zone: LinearExpression] = [:]
        for entry in direct {
            let g = partition.schoolClasses[entry.g]
            if !g.isLarge && partition.inspectorClasses[entry.k].zone != g.zone { imports[g.zone, default: LinearExpression()].add(entry.variable) }
        }
        for entry in hubDemand where !entry.hub.large {
            imports[partition.schoolClasses[entry.g].zone, default: LinearExpression()].add(entry.variable)
        }
        for zone in partition.zones {
            let demand = partition.standardCount(in: zone)
            guard demand % p != 0, let v = standardVacancies[zone] else { continue }
            let f = Double(demand % p) / Double(p)
            var expression = LinearExpression([(v, 1)])
            for k in partition.inspectorClasses where k.zone == zone { expression.add(standardAppointed[k.index]) }
            expression.add(imports[zone] ?? LinearExpression(), scaledBy: 1 / (Double(p) * f))
            model.addConstraint("zone_rounding[\(partition.zoneCodes[zone] ?? "Z0")]", expression, greaterOrEqual: Double((demand + p - 1) / p))
        }
        // Recruits: the zone's own people hold at most C_z = Σ_{k∈z} c_k·m_k standard schools, so
        // p·V_z + I_z ≥ N_z − C_z; with f = frac((N_z − C_z)/p) > 0 the rounding is
        //     V_z + I_z / (p·f) ≥ ⌈(N_z − C_z) / p⌉.
        for zone in partition.zones {
            let demand = partition.standardCount(in: zone)
            let capacity = partition.inspectorClasses.filter { $0.zone == zone }.reduce(0) { $0 + $1.capacity * $1.size }
            let excess = demand - capacity
            guard excess > 0, excess % p != 0, let v = standardVacancies[zone] else { continue }
            let f = Double(excess % p) / Double(p)
            var expression = LinearExpression([(v, 1)])
            expression.add(imports[zone] ?? LinearExpression(), scaledBy: 1 / (Double(p) * f))
            model.addConstraint("recruit_rounding[\(partition.zoneCodes[zone] ?? "Z0")]", expression, greaterOrEqual: Double((excess + p - 1) / p))
        }
    }

    /// Whether members of inspector class `k` may hold schools of class `g` under the pins (指定): a
    /// pinned school class goes to its pinned inspector's class of one only.
    func mayHold(_ k: Int, _ g: Int) -> Bool {
        guard let pinned = partition.schoolClasses[g].pinned else { return true }
        let inspectors = partition.inspectorClasses[k]
        return inspectors.size == 1 && inspectors.members.first?.id == pinned
    }

    // MARK: Expressions used by the objectives

    /// a_k + b_k: members of class k holding at least one school.
    func appointees(of k: InspectorClass) -> LinearExpression {
        var expression = largeLoad[k.index]
        expression.add(standardAppointed[k.index])
        return expression
    }

    /// V_z + Σ_{g large in z} u_g: recruits in a zone.
    func vacancies(in zone: Zone) -> LinearExpression {
        var expression = LinearExpression()
        if let v = standardVacancies[zone] { expression.add(v) }
        for g in partition.schoolClassesByZone[zone, default: []] where g.isLarge { expression.add(vacancyServed[g.index]) }
        return expression
    }

    /// P1a: Σ_z recruits.
    var recruits: LinearExpression {
        partition.zones.reduce(into: LinearExpression()) { $0.add(vacancies(in: $1)) }
    }

    /// P1b: Σ_z full-time recruits.
    var fullTimeRecruits: LinearExpression { LinearExpression.sum(fullTimeVacancies.keys.sorted().compactMap { fullTimeVacancies[$0] }) }

    /// P4b: schools left to recruits, Σ_g u_g.
    var schoolsForRecruits: LinearExpression { LinearExpression.sum(vacancyServed) }

    /// P2: previous pairs kept — Σ f[k,g] over classes g whose previous holder is k's member.
    var keptPairs: LinearExpression {
        LinearExpression(direct.compactMap { entry in
            let g = partition.schoolClasses[entry.g], k = partition.inspectorClasses[entry.k]
            return g.previous != nil && k.size == 1 && k.members[0].id == g.previous ? (entry.variable, 1.0) : nil
        })
    }

    /// P3: cross-zone assignments — all pool supply plus direct pairs across zones.
    var crossings: LinearExpression {
        var expression = LinearExpression(hubSupply.map { ($0.variable, 1.0) })
        for entry in direct where partition.inspectorClasses[entry.k].zone != partition.schoolClasses[entry.g].zone {
            expression.add(entry.variable)
        }
        return expression
    }

    /// P4: all appointees, pool and recruits.
    var allAppointees: LinearExpression {
        var expression = recruits
        for k in partition.inspectorClasses { expression.add(appointees(of: k)) }
        return expression
    }

    /// Adds a row holding an objective at its optimum (integer-valued objectives only).
    mutating func fix(_ name: String, _ expression: LinearExpression, sense: ObjectiveSense, at value: Double) {
        if sense == .minimize {
            model.addConstraint("fix[\(name)]", expression, lessOrEqual: value.rounded())
        } else {
            model.addConstraint("fix[\(name)]", expression, greaterOrEqual: value.rounded())
        }
    }

    /// Sets the objective.
    mutating func setObjective(_ sense: ObjectiveSense, _ expression: LinearExpression) {
        model.setObjective(sense, expression)
    }
}
