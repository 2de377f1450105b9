import DuxueDomain

/// Phrases of `duxue check`: the warning rules R10–R15, remedies and the filing package's labels.
extension Text {
    /// Messages of the check-only findings (R10–R15); R1–R9 are worded in ``finding(_:)``.
    func checkFinding(_ detail: FindingDetail) -> String {
        switch detail {
        case .zoneTooLarge(let zone, let schools, let limit):
            return pick("责任区 \(zone) 有 \(schools) 所学校，超过 \(limit) 所",
                        "zone \(zone) has \(schools) schools, more than \(limit)")
        case .retirementWindowEnds(let i, let ends, let termEnds):
            return pick("督学 \(inspector(i)) 的退休后任职期限于 \(ends) 届满，早于本届任期结束（\(termEnds)）",
                        "inspector \(inspector(i)): the retirement window runs out on \(ends), before the term ends (\(termEnds))")
        case .lastPermittedTerm(let i, let term, let limit):
            return pick("兼职督学 \(inspector(i)) 本届为第 \(term) 届，是连任上限（\(limit) 届）的最后一届",
                        "part-time inspector \(inspector(i)) serves consecutive term \(term), the last permitted (limit \(limit))")
        case .trainingShort(let i, let hours, let minimum):
            return pick("督学 \(inspector(i)) 年度培训 \(number(hours)) 学时，少于 \(minimum) 学时",
                        "inspector \(inspector(i)) trained \(number(hours)) hours last year, under \(minimum)")
        case .shareMetOnlyByRounding(let ft, let total, let minimum):
            let share = total == 0 ? 0 : Double(ft) / Double(total)
            return pick("专职比例 \(ft)/\(total) = \(percent(share))，四舍五入为 \(wholePercent(share)) 才显得达到 \(percent(minimum))；按规定“不低于”不能四舍五入",
                        "full-time share \(ft)/\(total) = \(percent(share)) reaches \(percent(minimum)) only when rounded to \(wholePercent(share)); \"not lower than\" allows no rounding")
        case .vacancyToFill(let id, let zone, let employment, let schools):
            return pick("\(id)：\(zone) 待补充\(self.employment(employment))督学 1 名，负责 \(list(schools))",
                        "\(id): one \(self.employment(employment)) inspector to recruit in \(zone), for \(list(schools))")
        case .failedAssessment(let i):
            return pick("督学 \(inspector(i)) 上次考核不合格，不得聘任", "inspector \(inspector(i)) failed the last assessment and may not be appointed")
        case .wrongLevel(let i, let level, let wanted):
            return pick("督学 \(inspector(i)) 为\(level.chineseName)，挂牌督学原则上由\(wanted.chineseName)担任",
                        "inspector \(inspector(i)) is a \(level.rawValue)-level inspector; responsible inspectors should be \(wanted.rawValue)-level")
        default:
            return ""
        }
    }

    /// Why a rule does not apply under the policy: the source that leaves it out, with its words.
    public func notImposed(_ id: RuleID, _ citation: Citation) -> String {
        let quote = citation.quote.isEmpty ? "" : pick("：“\(citation.quote)”", ": \"\(citation.quote)\"")
        let reason: String
        switch id {
        case .dedicated: reason = pick("本政策不要求大规模学校专人负责", "this policy does not require dedicated inspectors for large schools")
        case .fullTimeShare, .shareRounding: reason = pick("本政策未规定专职督学最低占比", "this policy sets no minimum full-time share")
        case .retirement, .retirementWindow: reason = pick("本政策未规定退休后可任年限", "this policy sets no retirement window")
        case .zones: reason = pick("责任区不强制（可跨区）", "zones are not required (crossing allowed)")
        case .zoneSize: reason = pick("本政策未规定责任区学校数上限", "this policy sets no zone size")
        case .training: reason = pick("本政策未规定培训学时", "this policy sets no training minimum")
        case .level: reason = pick("本政策未规定挂牌督学的级别", "this policy sets no level for responsible inspectors")
        default: reason = pick("本政策不适用", "not imposed by this policy")
        }
        return pick("不适用：\(reason)（\(citation)\(quote)）", "not applicable: \(reason) (\(citation)\(quote))")
    }

    /// Why a pinned pair (指定) cannot be honoured.
    public func pairProblem(_ problem: PairRules.Problem) -> String {
        switch problem {
        case .unknownSchool(let s): pick("学校 \(s) 不在学校名单中", "school \(s) is not in schools.csv")
        case .unknownInspector(let i): pick("督学 \(i) 不在督学库中", "inspector \(i) is not in inspectors.csv")
        case .ineligible(let pair, let reasons):
            pick("指定 \(pair.school) → \(pair.inspector)：该督学不能聘任（\(reasons.map(exclusion).joined(separator: "；"))）",
                 "pin \(pair.school) → \(pair.inspector): the inspector may not be appointed (\(reasons.map(exclusion).joined(separator: "; ")))")
        case .recusal(let pair):
            pick("指定 \(pair.school) → \(pair.inspector)：该督学须回避此校（或此配对同时被设为不得）",
                 "pin \(pair.school) → \(pair.inspector): the inspector must recuse from the school (or the pair is also forbidden)")
        case .otherZone(let pair):
            pick("指定 \(pair.school) → \(pair.inspector)：责任区不同，而政策要求督学只负责本责任区",
                 "pin \(pair.school) → \(pair.inspector): another zone, and zones are required")
        case .overCapacity(let i, let pinned, let limit):
            pick("督学 \(i) 被指定 \(pinned) 所学校，最多 \(limit) 所", "inspector \(i) is pinned to \(pinned) schools, at most \(limit)")
        case .noRosterHonoursAll:
            pick("这些指定配对各自可行，但合在一起无法得到合规名册（例如专职比例无法满足）：请减少指定",
                 "each pin is possible, but together they leave no compliant roster (e.g. no room for the full-time share): pin fewer pairs")
        case .mustRotate(let pair):
            pick("指定 \(pair.school) → \(pair.inspector)：该配对已达同校连续届数上限，本届须交流",
                 "pin \(pair.school) → \(pair.inspector): the pair has lasted the rotation limit and must change this term")
        case .retirementWindowClosed(let pair, let day):
            pick("指定 \(pair.school) → \(pair.inspector)：该督学退休年限已于 \(day) 届满，可保留原有学校，但不能新增学校",
                 "pin \(pair.school) → \(pair.inspector): the inspector's retirement window closed on \(day); they keep their schools but take no new one")
        case .largeNotAlone(let pair, let others):
            pick("大规模学校 \(pair.school) 须专人负责，但督学 \(pair.inspector) 还被指定了另外 \(others) 所",
                 "large school \(pair.school) needs a dedicated inspector, but \(pair.inspector) is pinned to \(others) other school\(others == 1 ? "" : "s")")
        }
    }

    /// Titles of the check-only rules (R10–R15).
    func checkRule(_ id: RuleID) -> String {
        switch id {
        case .zoneSize: pick("责任区规模（提示）", "zone size (warning)")
        case .retirementWindow: pick("退休督学任职期限（提示）", "retirement window (warning)")
        case .lastTerm: pick("兼职督学最后一届（提示）", "last permitted term (warning)")
        case .training: pick("年度培训学时（提示）", "training hours (warning)")
        case .shareRounding: pick("专职比例不得四舍五入（提示）", "full-time share without rounding (warning)")
        case .vacancies: pick("待补充岗位（提示）", "posts to fill (warning)")
        case .assessment: pick("考核不合格者不聘", "no appointee failed the assessment")
        case .level: pick("挂牌督学级别（提示）", "level of appointment (warning)")
        default: ""
        }
    }

    /// What would fix a finding.
    public func remedy(_ remedy: Remedy) -> String {
        switch remedy {
        case .move(let moves):
            return moves.map(move).joined(separator: pick("；", "; "))
        case .keepOneLine(let s):
            return pick("保留学校 \(s) 的一行，删除其余各行", "keep one line for school \(s) and delete the others")
        case .removeUnknownSchool(let s):
            return pick("删除该行；如为新设学校，先加入 schools.csv", "delete the line, or add school \(s) to schools.csv if it is new")
        case .fixUnknownInspector(let id):
            return pick("更正督学编号 \(id)，或将其加入 inspectors.csv", "correct the id \(id), or add the inspector to inspectors.csv")
        case .addFullTime(let n):
            return pick("还需 \(n) 名专职督学（增聘专职，或以专职替换兼职）",
                        "needs \(n) more full-time inspector\(n == 1 ? "" : "s") (appoint full-time, or replace part-time ones)")
        case .splitZone(let zone, let n):
            return pick("将 \(zone) 拆分为 \(n) 个责任区", "split \(zone) into \(n) zones")
        case .planSuccessor(let i, let day):
            return pick("在 \(day) 前为 \(inspector(i)) 的学校安排接任督学", "arrange a successor for \(inspector(i))'s schools before \(day)")
        case .successorNextTerm(let i):
            return pick("下一届不得续聘 \(inspector(i))，提前物色接任人选", "\(inspector(i)) may not be reappointed next term: find a successor in time")
        case .train(let i, let hours):
            return pick("为 \(inspector(i)) 安排至少 \(number(hours)) 学时培训", "arrange at least \(number(hours)) more training hours for \(inspector(i))")
        case .recruit(let id, let employment, let zone):
            return pick("在 \(zone) 招聘\(self.employment(employment))督学填补 \(id)", "recruit a \(self.employment(employment)) inspector in \(zone) for \(id)")
        }
    }

    private func move(_ move: Move) -> String {
        guard let to = move.to else {
            if move.forStage {
                return pick("督学库中没有胜任该学段且尚有余额的督学可接学校 \(school(move.school))；如现任督学确能胜任，请在其“胜任学段”中登记",
                            "no inspector qualified for the stage has room for school \(school(move.school)); if the present inspector is qualified, add the stage to their stages")
            }
            return pick("学校 \(school(move.school)) 需另配督学，但督学库中无人可接，需补充督学（见下文“最近的合规名册”）",
                        "school \(school(move.school)) needs another inspector but nobody in the pool can take it: recruit (see the nearest compliant roster)")
        }
        let zone = move.sameZone ? pick("同一责任区", "in the same zone") : pick("其他责任区", "in another zone")
        let qualified = move.forStage ? pick("胜任该学段、", "qualified for the stage and ") : ""
        return pick("将学校 \(school(move.school)) 交给\(qualified)负责学校少于 \(move.limit) 所的督学，如\(zone)的 \(inspector(to))",
                    "move school \(school(move.school)) to an inspector \(qualified)with fewer than \(move.limit) schools, e.g. \(inspector(to)) \(zone)")
    }

    /// A share as a whole percentage, e.g. 20%.
    func wholePercent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    /// School ids joined for the language.
    func list(_ ids: [School.ID]) -> String { ids.map(\.rawValue).joined(separator: pick("、", ", ")) }
}
