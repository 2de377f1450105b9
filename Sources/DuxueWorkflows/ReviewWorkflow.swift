import DuxueConcurrency
import DuxueDomain
import DuxueFiling
import DuxueInput
import DuxueReport
import Foundation

/// `review`: the upper level re-checks every filing workbook in a folder, from the data in each
/// workbook itself (never its compliance sheet), under the city's policy or each filing's declared one.
public struct ReviewRequest: Sendable {
    /// The folder of filings.
    public var folder: String
    /// The city's policy (a preset name or a policy file); `nil`: each filing's declared policy.
    public var policy: String?
    /// The city's list of schools by district (CSV or XLSX), if any.
    public var schools: String?
    /// The date "within a year" counts from (terms and retirement windows ending).
    public var asOf: Day
    /// Filings read at once.
    public var jobs: Int
    /// Report language.
    public var language: Language

    /// A request.
    public init(folder: String, policy: String? = nil, schools: String? = nil, asOf: Day, jobs: Int, language: Language) {
        self.folder = folder
        self.policy = policy
        self.schools = schools
        self.asOf = asOf
        self.jobs = jobs
        self.language = language
    }

    /// The filing workbooks of the folder, by name (natural order); Excel's lock files (`~$…`), hidden
    /// files, and the city's list and policy file when they sit in the folder, are left out (and the
    /// city's own review workbooks when reviewed: ``FilingReader/readUnlessReview(path:)``).
    public var filingFiles: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let others = [schools, policy].compactMap { $0 }
        return names.filter { name in
            !name.hasPrefix("~$") && !name.hasPrefix(".") && TableFiles.isWorkbook(name)
        }
        .sorted { $0.naturalLess(than: $1) }
        .map { (folder as NSString).appendingPathComponent($0) }
        .filter { !InputPaths.names($0, oneOf: others) }
    }

    /// Every file the run reads (outputs are never written over them).
    public var inputFiles: [String] {
        var files = filingFiles + (schools.map { [$0] } ?? [])
        if let policy, FileManager.default.fileExists(atPath: policy) { files.append(policy) }
        return files
    }
}

/// What `review` found.
public struct ReviewOutcome: Sendable {
    /// The report in the requested language.
    public var report: ReviewReport
    /// Warnings of the city's list.
    public var warnings: [InputProblem]
}

extension Workflows {
    /// Reads the city's policy and list, then every filing in parallel (``SolverThreads``), re-audits
    /// each, and compares it with the city's list. A filing that cannot be read is a line of the report
    /// (exit 2), never the end of the run. Throws ``InputError`` when the folder, the policy or the list
    /// cannot be read.
    public static func review(_ request: ReviewRequest) throws(InputError) -> ReviewOutcome {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: request.folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw .invalid([InputProblem(file: request.folder, line: nil, kind: .filing(.folderNotFound(path: request.folder)))])
        }
        do {
            _ = try FileManager.default.contentsOfDirectory(atPath: request.folder)
        } catch {
            // A folder that exists but cannot be listed is said so, not taken for an empty one.
            throw .invalid([InputProblem(file: request.folder, line: nil, kind: .unreadable(reason: error.localizedDescription))])
        }
        let city = try request.policy.map { name throws(InputError) in try PolicyReader.load(nameOrPath: name, termStart: nil) }
        let cityLabel = request.policy.map { Presets.named($0.lowercased()) != nil ? $0 : ($0 as NSString).lastPathComponent }
        let list = try request.schools.map { path throws(InputError) in try CitySchoolList.read(path: path) }
        let files = request.filingFiles
        let language = request.language
        var lines = SolverThreads.map(count: files.count, jobs: request.jobs) { index in
            FilingReview.review(path: files[index], city: city, cityLabel: cityLabel, list: list, asOf: request.asOf,
                                language: language)
        }.compactMap { $0 }
        // A district filed twice: the later file says which came first.
        var firstFile: [String: String] = [:]
        for index in lines.indices where !lines[index].district.isEmpty {
            let key = CitySchoolList.key(lines[index].district)
            if let first = firstFile[key] {
                let problem = InputProblem(file: lines[index].file, line: nil, severity: .warning,
                                           kind: .filing(.districtFiledTwice(district: lines[index].district, firstFile: first)))
                var findings = lines[index].findings
                findings.insert(FilingReview.line(problem, check: .cityList, language: language), at: 0)
                lines[index] = lines[index].with(findings: findings)
            } else {
                firstFile[key] = lines[index].file
            }
        }
        var cityLines: [ReviewReport.Line] = []
        if lines.isEmpty {
            cityLines.append(FilingReview.line(InputProblem(file: request.folder, line: nil, kind: .filing(.noFilings)),
                                               check: .unreadable, language: language))
        }
        if let list {
            for district in list.districts where firstFile[CitySchoolList.key(district)] == nil {
                let problem = InputProblem(file: list.file, line: list.schools(of: district).first?.line,
                                           kind: .filing(.districtNotFiled(district: district, schools: list.schools(of: district).count)))
                cityLines.append(FilingReview.line(problem, check: .cityList, language: language))
            }
        }
        let report = ReviewReport(
            language: language, folder: request.folder, policy: cityLabel, schoolList: list?.file, asOf: request.asOf,
            filings: lines, city: cityLines)
        return ReviewOutcome(report: report, warnings: list?.warnings ?? [])
    }
}

extension ReviewReport.FilingLine {
    /// The line with other findings (counts recomputed).
    func with(findings: [ReviewReport.Line]) -> ReviewReport.FilingLine {
        ReviewReport.FilingLine(file: file, district: district, verdict: verdict == .unreadable ? .unreadable
                                    : findings.contains { $0.severity == .error } ? .notCompliant : .compliant,
                                declaredVerdict: declaredVerdict, declaredPolicy: declaredPolicy, policy: policy, term: term,
                                findings: findings, figures: figures)
    }
}

/// The re-check of one filing.
enum FilingReview {
    static func review(path: String, city: Policy?, cityLabel: String?, list: CitySchoolList?, asOf: Day,
                       language: Language) -> ReviewReport.FilingLine? {
        let file = (path as NSString).lastPathComponent
        let load: FilingLoad
        do {
            // A review workbook the city kept in the folder (区县汇总, 问题清单) is its own report, not a filing.
            guard let filing = try FilingReader.readUnlessReview(path: path) else { return nil }
            load = filing
        } catch {
            let findings = error.problems.map { line($0, check: $0.severity == .error ? .unreadable : .input, language: language) }
            return ReviewReport.FilingLine(file: file, district: "", verdict: .unreadable, declaredPolicy: "", policy: cityLabel ?? "",
                                           term: "", findings: findings, figures: nil)
        }
        // The city's rules, with the filing's own facts: its term, its mid-term date, its name.
        var policy = load.policy
        if var rules = city {
            rules.termStart = load.policy.termStart
            rules.termStartStated = true
            rules.asOf = load.policy.asOf
            rules.districtName = load.policy.districtName
            policy = rules
        }
        var district = load.district
        var roster = load.roster
        district = roster.ready(in: district, policy: policy)
        let report = CheckReport(district: district, policy: policy, roster: roster.roster, rosterFile: file, strict: false,
                                 nearest: nil, language: language)
        var findings = load.edits.map { line($0, check: .edited, language: language) }
        findings += digestProblems(load).map { line($0, check: .digest, language: language) }
        if let list { findings += cityProblems(load, list: list).map { line($0, check: .cityList, language: language) } }
        findings += load.warnings.map { line(redacted($0), check: .input, language: language) }
        let schools = district.schoolsByID, inspectors = district.inspectorsByID
        for finding in report.findings {
            findings.append(ReviewReport.Line(
                rule: finding.rule.rawValue, severity: finding.severity, place: "",
                schools: finding.schools.map { ReviewReport.Subject(id: $0, name: schools[School.ID(uncheckedRawValue: $0)]?.name ?? "") },
                inspectors: finding.inspectors.map { ReviewReport.Subject(id: $0, name: inspectors[Inspector.ID(uncheckedRawValue: $0)]?.name ?? "") },
                message: finding.message, fix: finding.fix))
        }
        let term = language == .zh ? "\(policy.termStart) 至 \(policy.termLastDay)" : "\(policy.termStart) to \(policy.termLastDay)"
        return ReviewReport.FilingLine(
            file: file, district: district.name, verdict: findings.contains { $0.severity == .error } ? .notCompliant : .compliant,
            declaredVerdict: load.declaredCompliant.map { $0 ? .compliant : .notCompliant }, declaredPolicy: load.policy.name,
            policy: cityLabel ?? load.policy.name, term: term, findings: findings,
            figures: figures(report, district: district, roster: roster.roster, policy: policy, asOf: asOf))
    }

    /// The city summary's figures of a filing.
    static func figures(_ report: CheckReport, district: District, roster: Roster, policy: Policy, asOf: Day) -> ReviewReport.Figures {
        let f = report.figures
        let horizon = asOf.addingYears(1)
        let termEnding = policy.termLastDay <= horizon
        let appointed = RuleContext(district: district, policy: policy, roster: roster).appointedInspectors
        let lastTerms = termEnding
            ? appointed.filter { $0.employment == .partTime && $0.consecutiveTerms + 1 >= policy.maxConsecutiveTerms }.count : 0
        let retirements = appointed.filter { person in
            guard let retired = person.status.retiredOn, let ends = policy.retirementWindowEnds(retiredOn: retired) else { return false }
            return ends >= asOf && ends <= horizon
        }.count
        return ReviewReport.Figures(
            schools: f.schools, largeSchools: f.largeSchools, requiredHeadcount: f.requiredHeadcount, appointees: f.appointees,
            fullTime: f.fullTime, fullTimeShare: f.fullTimeShare, recruits: f.vacanciesFullTime + f.vacanciesPartTime,
            crossings: f.crossings, termEnds: policy.termLastDay.description, termEndsWithinYear: termEnding,
            lastTermsEnding: lastTerms, retirementsEnding: retirements)
    }

    /// Each internal sheet's digest (B2) and the cover's 数据校验码, recomputed from the data read
    /// (docs/filing.md): a mismatch is reported, not rejected.
    static func digestProblems(_ load: FilingLoad) -> [InputProblem] {
        var problems: [InputProblem] = []
        var texts: [String] = []
        for sheet in load.internalSheets {
            let text = FilingDigest.canonicalText(name: sheet.name, header: sheet.rows.first ?? [], rows: Array(sheet.rows.dropFirst()))
            texts.append(text)
            let computed = FilingDigest.hex(text)
            if sheet.storedDigest != computed {
                problems.append(InputProblem(file: load.file, sheet: sheet.name, line: 2, column: InputProblem.Column(name: "本表校验码", index: 2),
                                             severity: .warning, kind: .filing(.digestMismatch(stored: sheet.storedDigest, computed: computed))))
            }
        }
        let computed = FilingDigest.hex(texts.joined())
        if let stored = load.packageDigest, stored.value != computed {
            problems.append(InputProblem(file: load.file, sheet: FilingReader.coverName, line: stored.row,
                                         column: InputProblem.Column(name: "数据校验码", index: 2), severity: .warning,
                                         kind: .filing(.digestMismatch(stored: stored.value, computed: computed))))
        }
        return problems
    }

    /// The filing against the city's list: schools left out, schools the city does not know.
    static func cityProblems(_ load: FilingLoad, list: CitySchoolList) -> [InputProblem] {
        let name = load.district.name
        let listed = list.schools(of: name)
        guard !listed.isEmpty else {
            return [InputProblem(file: load.file, line: nil, kind: .filing(.districtUnknownToCity(district: name, known: list.districts)))]
        }
        var problems: [InputProblem] = []
        let filed = load.district.schoolsByID
        for entry in listed where filed[School.ID(uncheckedRawValue: entry.id)] == nil {
            problems.append(InputProblem(file: list.file, line: entry.line,
                                         kind: .filing(.schoolNotFiled(district: name, id: entry.id, name: entry.name))))
        }
        let known = Set(listed.map(\.id))
        for school in load.district.schools where !known.contains(school.id.rawValue) {
            problems.append(InputProblem(file: load.file, sheet: FilingReader.placardName, line: load.placardRows[school.id],
                                         column: load.placardRows[school.id].map { _ in InputProblem.Column(name: "学校代码", index: 1) },
                                         kind: .filing(.schoolUnknownToCity(district: name, id: school.id.rawValue, name: school.name))))
        }
        return problems
    }

    /// A warning of a filing's internal sheets as the city summary shows it: its place and what is
    /// wrong, without the personal value (a phone, a retirement date) that the district's own check
    /// shows beside it; the cell names where to look.
    static func redacted(_ problem: InputProblem) -> InputProblem {
        var copy = problem
        switch problem.kind {
        case .phoneMangled: copy.kind = .phoneMangled(value: "…")
        case .retiredOnIgnored: copy.kind = .retiredOnIgnored(value: "…")
        case .badDate: copy.kind = .badDate(value: "…")
        case .ambiguousDate: copy.kind = .ambiguousDate(value: "…", readings: [])
        default: break
        }
        return copy
    }

    /// An input problem as a finding of the review: its place (a cell, a sheet, or a file and line), its
    /// message and fix in the report's language, and the school or inspector it names.
    static func line(_ problem: InputProblem, check: ReviewCheck, language: Language) -> ReviewReport.Line {
        var place = problem.cellReference ?? ""
        if problem.sheet == nil {
            place = problem.file + (problem.line.map { language == .zh ? " 第 \($0) 行" : " line \($0)" } ?? "")
        }
        var schools: [ReviewReport.Subject] = []
        if case .filing(let issue) = problem.kind {
            switch issue {
            case .schoolNotFiled(_, let id, let name), .schoolUnknownToCity(_, let id, let name):
                schools.append(ReviewReport.Subject(id: id, name: name))
            default: break
            }
        }
        return ReviewReport.Line(rule: check.rawValue, severity: problem.severity, place: place, schools: schools,
                                 message: problem.summary(in: language), fix: problem.fix(in: language))
    }
}
