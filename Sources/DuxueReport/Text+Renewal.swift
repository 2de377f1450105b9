import DuxueDomain
import DuxuePlanner

extension Text {
    /// Why a school's inspector changed.
    public func changeReason(_ reason: ChangeReason) -> String {
        switch reason {
        case .inspectorLeft:
            return pick("原督学已不在督学库", "the inspector has left the pool")
        case .ineligible(let exclusion):
            return pick("原督学不能再聘：", "the inspector may not be appointed: ") + ineligibility(exclusion)
        case .rotation(let terms, let limit):
            return pick("定期交流：已在本校连续负责 \(terms) 届（上限 \(limit) 届）",
                        "rotation: the pair has lasted \(terms) terms (limit \(limit))")
        case .recusal:
            return pick("原督学须回避本校（R7）", "the inspector must now recuse from the school (R7)")
        case .zone(let inspectorZone, let schoolZone):
            return pick("原督学属 \(inspectorZone)，学校属 \(schoolZone)，须在本责任区内（R8）",
                        "the inspector is in zone \(inspectorZone), the school in \(schoolZone); zones are required (R8)")
        case .becameLarge(let enrollment, let threshold):
            return pick("学校在校生 \(enrollment) 人，已达大规模学校标准 \(threshold) 人，须专人负责（R3）",
                        "the school has \(enrollment) students, at or above the large-school threshold \(threshold), and needs a dedicated inspector (R3)")
        case .inspectorDedicated(let school):
            return pick("原督学改为专门负责大规模学校 \(school)（R3）",
                        "the inspector is now dedicated to the large school \(school) (R3)")
        case .overCapacity(let held, let limit):
            return pick("原督学负责 \(held) 所，超过现在的上限 \(limit) 所（R2）",
                        "the inspector held \(held) schools, more than the cap of \(limit) now (R2)")
        case .madeRoomForNewSchool(let school):
            return pick("原督学接手新设学校 \(school)，名额已满", "the inspector took the new school \(school) and is at the cap")
        case .vacancyFilled:
            return pick("原为待补充岗位，现已有督学", "was a vacancy, now has an inspector")
        case .fewerRecruits:
            return pick("调整以减少需补充的督学或满足专职比例（P1）",
                        "moved so that fewer recruits are needed or the full-time share holds (P1)")
        }
    }

    /// Why an inspector may no longer be appointed on the renewal's date.
    public func ineligibility(_ exclusion: Exclusion) -> String {
        switch exclusion {
        case .retiredTooLong(let day, _, let limit, _):
            pick("\(day) 退休，\(limit) 年期限已于 \(day.addingYears(limit)) 届满（R5）",
                 "retired \(day); the \(limit)-year window closed on \(day.addingYears(limit)) (R5)")
        case .termLimit: self.exclusion(exclusion) + pick("（R6）", " (R6)")
        case .failedAssessment: self.exclusion(exclusion) + pick("（R16）", " (R16)")
        case .noCapacity: self.exclusion(exclusion) + pick("（R2）", " (R2)")
        }
    }

    /// A stable code for a change reason (JSON and CSV).
    public static func code(_ reason: ChangeReason) -> String {
        switch reason {
        case .inspectorLeft: "inspector_left"
        case .ineligible(.retiredTooLong): "retired_too_long"
        case .ineligible(.termLimit): "term_limit"
        case .ineligible(.noCapacity): "no_capacity"
        case .ineligible(.failedAssessment): "failed_assessment"
        case .rotation: "rotation"
        case .recusal: "recusal"
        case .zone: "zone"
        case .becameLarge: "became_large"
        case .inspectorDedicated: "inspector_dedicated"
        case .overCapacity: "over_capacity"
        case .madeRoomForNewSchool: "made_room_for_new_school"
        case .vacancyFilled: "vacancy_filled"
        case .fewerRecruits: "fewer_recruits"
        }
    }

    /// Why an inspector leaves the roster.
    public func leaveReason(_ reason: LeaveReason) -> String {
        switch reason {
        case .leftPool: pick("已不在督学库", "no longer in the pool")
        case .ineligible(let exclusion): ineligibility(exclusion)
        case .rotation: pick("所负责学校均须定期交流", "every school they held rotates")
        case .schoolsClosed: pick("所负责学校均已撤销", "all their schools closed")
        case .notNeeded: pick("仍可聘任，但新名册不需要（精简配置）", "still eligible, but not needed (lean staffing)")
        }
    }

    /// A stable code for a leave reason.
    public static func code(_ reason: LeaveReason) -> String {
        switch reason {
        case .leftPool: "left_pool"
        case .ineligible(let exclusion): code(ChangeReason.ineligible(exclusion))
        case .rotation: "rotation"
        case .schoolsClosed: "schools_closed"
        case .notNeeded: "not_needed"
        }
    }

    /// An outlook line; `atAppointment` says the retirement window is checked at appointment (the
    /// appointment then lasts the term) rather than at every change.
    public func outlook(_ event: OutlookEvent, name: (Inspector.ID) -> String, atAppointment: Bool = false) -> String {
        switch event {
        case .retirementWindowEnds(let id, let day) where atAppointment:
            return pick("\(name(id))（\(id)）退休满期于 \(day)：本届聘任有效（聘任时核查），但不能再聘或新增负责学校（R5）",
                        "\(name(id)) (\(id)): retirement window closes on \(day); the appointment stands for this term (checked at appointment), but no new appointment or school after it (R5)")
        case .retirementWindowEnds(let id, let day):
            return pick("\(name(id))（\(id)）退休满期于 \(day)，此后不能再任（R5）",
                        "\(name(id)) (\(id)): retirement window closes on \(day); not eligible after it (R5)")
        case .termLimitAtNextTerm(let id, let terms, let limit):
            return pick("\(name(id))（\(id)）下届开始时将连任满 \(terms) 届（上限 \(limit)），届时须离任（R6）",
                        "\(name(id)) (\(id)): \(terms) consecutive terms by the next term (limit \(limit)); must leave then (R6)")
        case .rotationAtNextTerm(let school, let id, let terms, let limit):
            return pick("\(school)：\(name(id))（\(id)）已连续负责 \(terms) 届（上限 \(limit)），下届须交流",
                        "\(school): \(name(id)) (\(id)) has held it \(terms) terms (limit \(limit)); rotates at the next term")
        }
    }
}
