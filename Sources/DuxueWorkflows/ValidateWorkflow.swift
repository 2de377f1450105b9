import DuxueDomain
import DuxueInput
import DuxueRecord

/// `validate`: a district's files (and a roster) read and checked, nothing planned.
public struct ValidateRequest: Sendable {
    /// The district, with the policy and term start asked for.
    public var district: DistrictSource
    /// A roster to check against the district, if given.
    public var roster: String?
    /// The date a policy without `term_start` starts its term on.
    public var today: Day

    /// A request.
    public init(district: DistrictSource, roster: String? = nil, today: Day = PolicyReader.localToday()) {
        self.district = district
        self.roster = roster
        self.today = today
    }
}

extension Workflows {
    /// Validates the district as every other workflow reads it: where it keeps a roster of record, term
    /// counts come from the record and `consecutive_terms` is optional (as ``DistrictSource/load(termStart:readOn:recording:record:)``
    /// reads it). A record that cannot be read is one more problem of the report.
    public static func validate(_ request: ValidateRequest) -> ValidationReport {
        validate(request, record: Result { () throws(InputError) in try request.district.recordHistory() })
    }

    /// ``validate(_:)`` with the district's record already read (``DistrictSource/recordHistory()``), for a
    /// caller that also loads the district and so reads the record once.
    public static func validate(_ request: ValidateRequest, record: Result<RecordHistory?, InputError>) -> ValidationReport {
        let source = request.district
        let termsFromRecord: Bool
        var recordProblems: [InputProblem] = []
        switch record {
        case .success(let history): termsFromRecord = history != nil
        case .failure(let error):
            // The record's own problem is the one to fix; the column is not demanded on top of it.
            termsFromRecord = true
            recordProblems = error.problems
        }
        var report = InputValidation.validate(
            folder: source.path, policyOption: source.policy, termStart: source.termStart, rosterPath: request.roster,
            today: request.today, termsFromRecord: termsFromRecord)
        report.problems += recordProblems
        return report
    }
}
