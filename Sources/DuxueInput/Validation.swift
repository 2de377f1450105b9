import DuxueDomain

/// Everything `duxue validate` found in a district's inputs: the policy, both tables (CSV or workbook)
/// and, if given, a roster checked against them. Nothing is solved.
public struct ValidationReport: Sendable {
    /// Every problem, errors and warnings: the policy's first, then schools.csv, inspectors.csv, the roster.
    public var problems: [InputProblem]
    /// Schools read (`nil` when the district could not be read).
    public var schools: Int?
    /// Inspectors read (`nil` when the district could not be read).
    public var inspectors: Int?
    /// Roster rows read (`nil` without a roster, or when it could not be read).
    public var assignments: Int?

    /// A report.
    public init(problems: [InputProblem], schools: Int?, inspectors: Int?, assignments: Int?) {
        self.problems = problems
        self.schools = schools
        self.inspectors = inspectors
        self.assignments = assignments
    }

    /// Errors found, counting those left out of the list beyond the cap (as far as the cap tells).
    public var errorCount: Int {
        problems.reduce(0) { count, problem in
            guard problem.severity == .error else { return count }
            if case .tooManyProblems(let omitted) = problem.kind { return count + omitted }
            return count + 1
        }
    }
    /// Warnings found.
    public var warningCount: Int { problems.count { $0.severity == .warning } }
    /// Whether the inputs can be planned with (no errors).
    public var isValid: Bool { errorCount == 0 }

    /// The report for people: one line per problem (severity first), then a closing summary line.
    public func rendered(in language: Language) -> String {
        var lines = problems.map { $0.line(in: language) }
        lines.append(summary(in: language))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The closing line: what was read, or how many errors block it.
    public func summary(in language: Language) -> String {
        let zh = language == .zh
        let warnings = warningCount
        let warningText = warnings == 0 ? "" : zh ? "（\(warnings) 条警告）" : " (\(warnings) warning\(warnings == 1 ? "" : "s"))"
        guard isValid else {
            let errors = errorCount
            return zh ? "输入有误：\(errors) 个错误\(warningText)，请修正后重新运行"
                : "input rejected: \(errors) error\(errors == 1 ? "" : "s")\(warningText); fix them and run again"
        }
        var parts: [String] = []
        if let schools { parts.append(zh ? "\(schools) 所学校" : "\(schools) school\(schools == 1 ? "" : "s")") }
        if let inspectors {
            parts.append(zh ? "\(inspectors) 名督学" : "\(inspectors) inspector\(inspectors == 1 ? "" : "s")")
        }
        if let assignments {
            parts.append(zh ? "名册 \(assignments) 行" : "\(assignments) roster row\(assignments == 1 ? "" : "s")")
        }
        return zh ? "输入有效：\(parts.joined(separator: "，"))\(warningText)"
            : "input is valid: \(parts.joined(separator: ", "))\(warningText)"
    }
}

extension InputProblem {
    /// One line for a problem list: "error: schools.csv line 3, column enrollment: …; fix: …" or
    /// "错误：schools.csv 第 3 行 在校生数 列：…；…".
    public func line(in language: Language) -> String {
        switch (language, severity) {
        case (.zh, .error): "错误：" + message(in: .zh)
        case (.zh, .warning): "警告：" + message(in: .zh)
        case (.en, _): "\(severity.rawValue): " + message(in: .en)
        }
    }
}

/// Reads and checks a district's inputs without planning.
public enum InputValidation {
    /// Validates the policy (`policyOption`, or the district's policy file — ``DistrictPolicy`` — or the
    /// national preset), the district (a folder or a workbook) and, if `rosterPath` is given, a roster
    /// against the district (its names matched to it). Every problem is collected: a bad policy does not
    /// stop the district from being read (the defaults stand in for it).
    /// With `termsFromRecord` (the district keeps a roster of record) `consecutive_terms` is optional.
    public static func validate(folder: String, policyOption: String?, termStart: Day?,
                                rosterPath: String?, today: Day = PolicyReader.localToday(),
                                termsFromRecord: Bool = false) -> ValidationReport {
        var problems: [InputProblem] = []
        let policy: Policy
        do {
            policy = try PolicyReader.load(district: folder, option: policyOption, termStart: termStart, today: today)
        } catch {
            problems += error.problems
            policy = Presets.policy(Presets.national, termStart: termStart ?? today)
        }
        var district: District?
        do {
            let load = try DistrictReader.read(folder: folder, policy: policy, termsFromRecord: termsFromRecord)
            problems += load.warnings
            district = load.district
        } catch {
            problems += error.problems
        }
        var assignments: Int?
        if let rosterPath {
            do {
                var roster = try RosterReader.read(path: rosterPath)
                if let district { try roster.resolveNames(in: district) }
                problems += roster.warnings
                if let district { problems += check(roster, against: district) + contradictions(roster, against: district) }
                assignments = roster.roster.assignments.count
            } catch {
                problems += error.problems
            }
        }
        return ValidationReport(
            problems: problems, schools: district?.schools.count, inspectors: district?.inspectors.count,
            assignments: assignments)
    }

    /// Roster rows naming a school or an inspector the district does not have (vacancies are fine), up to
    /// the problem cap.
    public static func check(_ load: RosterLoad, against district: District) -> [InputProblem] {
        let collector = ProblemCollector(file: load.file, cap: DistrictReader.problemCap)
        collector.sheet = load.sheet
        let schools = Set(district.schools.map(\.id))
        let inspectors = Set(district.inspectors.map(\.id))
        for (assignment, line) in zip(load.roster.assignments, load.lines) {
            if !schools.contains(assignment.school) {
                collector.add(.unknownRosterSchool(id: assignment.school.rawValue), line: line,
                              column: load.columns["school_id"])
            }
            if case .inspector(let id) = assignment.assignee, !inspectors.contains(id) {
                collector.add(.unknownRosterInspector(id: id.rawValue), line: line, column: load.columns["inspector_id"])
            }
        }
        return collector.finished()
    }

    /// Warnings for roster rows whose school name, inspector name or employment contradicts the district
    /// (a roster edited by hand): the district's values are the ones used, and the warning says so.
    public static func contradictions(_ load: RosterLoad, against district: District) -> [InputProblem] {
        let collector = ProblemCollector(file: load.file, cap: DistrictReader.problemCap)
        collector.sheet = load.sheet
        let inspectors = district.inspectorsByID
        let schools = Dictionary(district.schools.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        for (index, (assignment, line)) in zip(load.roster.assignments, load.lines).enumerated() where index < load.schoolNames.count {
            let written = load.schoolNames[index]
            guard !written.isEmpty, let name = schools[assignment.school], written != name else { continue }
            collector.add(.nameContradictsID(key: "school_name", id: assignment.school.rawValue, written: written, actual: name),
                          line: line, column: load.columns["school_name"], severity: .warning)
        }
        for (index, (assignment, line)) in zip(load.roster.assignments, load.lines).enumerated() where index < load.rowFacts.count {
            guard case .inspector(let id) = assignment.assignee, let person = inspectors[id] else { continue }
            let facts = load.rowFacts[index]
            if !facts.name.isEmpty, facts.name != person.name {
                collector.add(.rosterContradictsPool(id: id.rawValue, key: "inspector_name", value: facts.name, pool: person.name),
                              line: line, column: load.columns["inspector_name"], severity: .warning)
            }
            if !facts.employment.isEmpty, let written = Vocabulary.employment(facts.employment), written != person.employment {
                collector.add(.rosterContradictsPool(id: id.rawValue, key: "employment", value: facts.employment,
                                                     pool: person.employment.chineseName),
                              line: line, column: load.columns["employment"], severity: .warning)
            }
        }
        return collector.finished()
    }
}
