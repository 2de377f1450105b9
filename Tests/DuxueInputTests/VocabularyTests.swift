import DuxueDomain
import Testing

@testable import DuxueInput

@Suite("Values and aliases")
struct VocabularyTests {
    @Test(arguments: [
        ("2023-07-01", "2023-07-01"), ("2023-7-1", "2023-07-01"), ("2023/7/1", "2023-07-01"),
        ("2023.07.01", "2023-07-01"), ("2023年7月1日", "2023-07-01"), ("２０２３-０７-０１", "2023-07-01"),
        ("2024/2/29", "2024-02-29"),
    ])
    func acceptedDates(text: String, iso: String) {
        #expect(Vocabulary.day(text)?.description == iso)
    }

    @Test(arguments: ["07/01/2023", "1/7/2023", "2023-13-01", "2023-02-29", "2023/7", "23-07-01", "July 1, 2023", "2023年7月", ""])
    func rejectedDates(text: String) {
        #expect(Vocabulary.day(text) == nil)
    }

    @Test func chineseAndEnglishChoices() {
        #expect(Vocabulary.employment("专职") == .fullTime)
        #expect(Vocabulary.employment("Part-Time") == .partTime)
        #expect(Vocabulary.employment("contract") == nil)
        #expect(Vocabulary.isRetired("退休") == true)
        #expect(Vocabulary.isRetired("在职") == false)
        #expect(Vocabulary.isRetired("IN_SERVICE") == false)
        for yes in ["是", "yes", "TRUE", "y", "1"] { #expect(Vocabulary.boolean(yes) == true) }
        for no in ["否", "No", "false", "N", "0"] { #expect(Vocabulary.boolean(no) == false) }
        #expect(Vocabulary.boolean("maybe") == nil)
    }

    @Test func stageNamesAndVariants() {
        for stage in Stage.allCases {
            #expect(Vocabulary.stage(stage.rawValue) == stage)
            #expect(Vocabulary.stage(stage.chineseName) == stage)
        }
        #expect(Vocabulary.stage("初级中学") == .junior)
        #expect(Vocabulary.stage("高级中学") == .senior)
        #expect(Vocabulary.stage("九年制") == .nineYear)
        #expect(Vocabulary.stage("Nine-Year") == .nineYear)
        #expect(Vocabulary.stage("职高") == .vocational)
        #expect(Vocabulary.stage("college") == nil)
    }

    @Test func listSeparators() {
        #expect(Vocabulary.list("S1;S2") == ["S1", "S2"])
        #expect(Vocabulary.list("S1；S2、 S3 ;") == ["S1", "S2", "S3"])
        #expect(Vocabulary.list("") == [])
    }

    @Test func wholeNumbers() {
        #expect(Vocabulary.wholeNumber("1200", minimum: 0) == .value(1200))
        #expect(Vocabulary.wholeNumber("１２００", minimum: 0) == .value(1200))
        #expect(Vocabulary.wholeNumber("1200.0", minimum: 0) == .value(1200))
        #expect(Vocabulary.wholeNumber("-5", minimum: 0) == .problem(.negative))
        #expect(Vocabulary.wholeNumber("12.5", minimum: 0) == .problem(.fractional))
        #expect(Vocabulary.wholeNumber("many", minimum: 0) == .problem(.nonNumeric))
        #expect(Vocabulary.wholeNumber("1,200", minimum: 0) == .problem(.nonNumeric))
        #expect(Vocabulary.wholeNumber("0", minimum: 1) == .problem(.belowMinimum(1)))
        #expect(Vocabulary.wholeNumber("-2", minimum: 1) == .problem(.negative))
    }

    @Test func nearMisses() {
        #expect(Vocabulary.nearest(to: "enrolment", among: Columns.schools.flatMap(\.names)) == "enrollment")
        #expect(Vocabulary.nearest(to: "在校学生数", among: Columns.schools.flatMap(\.names)) == "在校生数")
        #expect(Vocabulary.nearest(to: "colour", among: Columns.schools.flatMap(\.names)) == nil)
        #expect(Vocabulary.editDistance("kitten", "sitting") == 3)
    }

    @Test func excelScientificPhoneNumbers() {
        #expect(Vocabulary.looksLikeScientificNotation("1.38001E+10"))
        #expect(!Vocabulary.looksLikeScientificNotation("13800138000"))
        #expect(!Vocabulary.looksLikeScientificNotation("0632-1234567"))
    }
}
