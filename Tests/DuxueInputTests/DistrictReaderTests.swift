import DuxueDomain
import Testing

@testable import DuxueInput

@Suite("District reading")
struct DistrictReaderTests {
    @Test func englishFileWithQuotedFieldsAndMixedCaseHeaders() throws {
        let load = try DistrictReader.read(folder: Fixtures.path("english"), policy: policy)
        let schools = load.district.schools
        #expect(load.district.name == "english")
        #expect(schools.map(\.id.rawValue) == ["S001", "S002", "S003", "S004"])
        #expect(schools[0].name == "Dongcheng Primary, North Campus")
        #expect(schools[0].location == Coordinate(latitude: 34.86, longitude: 117.55))
        #expect(schools[0].stage == .primary)
        #expect(schools[0].largeDesignation == nil)
        #expect(schools[1].name == "The \"Model\" School")
        #expect(schools[1].largeDesignation == false)
        #expect(schools[2].name == "Two-line\r\nname")
        #expect(schools[2].stage == .nineYear)
        #expect(schools[2].largeDesignation == true)
        #expect(schools[3].name == "Padded Name")
        #expect(schools[3].enrollment == 0)
        #expect(load.schoolLines[School.ID("S003")!] == 5)
        #expect(load.schoolLines[School.ID("S004")!] == 7)

        let inspectors = load.district.inspectors
        #expect(inspectors.count == 2)
        #expect(inspectors[0].employment == .fullTime)
        #expect(inspectors[0].status == .inService)
        #expect(inspectors[0].conflicts == [School.ID("S002")!])
        #expect(inspectors[0].stages == [.primary, .junior])
        #expect(inspectors[0].phone == "13800000000")
        #expect(inspectors[1].status == .retired(on: Day(year: 2024, month: 7, day: 1)!))
        #expect(inspectors[1].consecutiveTerms == 2)
        #expect(inspectors[1].maxSchools == 3)
        #expect(load.warnings.isEmpty)
        #expect(load.encodings == ["schools.csv": .utf8, "inspectors.csv": .utf8])
    }

    @Test(arguments: [("chinese-bom", TextEncoding.utf8BOM), ("gbk", TextEncoding.gb18030)])
    func chineseHeadersAndValues(folder: String, encoding: TextEncoding) throws {
        let load = try DistrictReader.read(folder: Fixtures.path(folder), policy: policy)
        #expect(load.encodings == ["schools.csv": encoding, "inspectors.csv": encoding])
        let schools = load.district.schools
        #expect(schools.map(\.id.rawValue) == ["X01", "X02", "X03"])
        #expect(schools.map(\.name) == ["实验小学", "第二中学", "乡镇中心校"])
        #expect(schools.map(\.stage) == [.primary, .junior, .nineYear])
        #expect(schools.map(\.enrollment) == [1500, 2600, 800])
        #expect(schools.map(\.zone.rawValue) == ["城区", "城区", "乡镇"])
        #expect(schools.map(\.largeDesignation) == [false, nil, true])
        #expect(schools[0].location == Coordinate(latitude: 34.81, longitude: 117.32))

        let inspectors = load.district.inspectors
        #expect(inspectors.map(\.name) == ["张伟", "李娜"])
        #expect(inspectors.map(\.employment) == [.fullTime, .partTime])
        #expect(inspectors[0].status == .inService)
        #expect(inspectors[0].stages == [.primary, .junior])
        #expect(inspectors[0].conflicts == [School.ID("X02")!])
        #expect(inspectors[0].phone == "13912345678")
        #expect(inspectors[1].status == .retired(on: Day(year: 2023, month: 7, day: 1)!))
        #expect(inspectors[1].conflicts == [School.ID("X01")!, School.ID("X02")!])
        #expect(inspectors[1].maxSchools == 2)
        #expect(inspectors[1].stages == [.nineYear])
        #expect(inspectors[1].phone == nil)
        #expect(load.warnings.isEmpty)
    }

    @Test func allProblemsOfBothFilesAreReportedAtOnce() {
        let found = problems { _ = try DistrictReader.read(folder: Fixtures.path("bad-values"), policy: policy) }
        let s = "schools.csv", i = "inspectors.csv"
        let expected: [Spot] = [
            Spot(s, 1, 9, .warning, .unknownColumn(header: "colour", suggestion: nil)),
            Spot(s, 3, 3, .badWholeNumber(value: "-5", key: "enrollment", issue: .negative)),
            Spot(s, 4, 1, .duplicateID(id: "S1", firstLine: 2)),
            Spot(s, 5, 1, .emptyValue(key: "id")),
            Spot(s, 6, 3, .badWholeNumber(value: "12.5", key: "enrollment", issue: .fractional)),
            Spot(s, 7, 3, .badWholeNumber(value: "many", key: "enrollment", issue: .nonNumeric)),
            Spot(s, 8, 5, .badChoice(value: "college", key: "stage", accepted: Vocabulary.stageNames)),
            Spot(s, 9, 6, .badChoice(value: "maybe", key: "large", accepted: Vocabulary.booleanNames)),
            Spot(s, 10, 7, .coordinateOutOfRange(key: "lat", value: "95", limit: 90)),
            Spot(s, 11, 7, .coordinateIncomplete(given: "lat", missing: "lon")),
            Spot(s, 12, nil, .raggedRow(fields: 4, expected: 9)),
            Spot(i, 3, 3, .badChoice(value: "contract", key: "employment", accepted: Vocabulary.employmentNames)),
            Spot(i, 4, 5, .retiredWithoutDate),
            Spot(i, 5, 5, .badDate(value: "2023/13/01")),
            Spot(i, 6, 5, .retiredAfterTermStart(retiredOn: Day(year: 2027, month: 1, day: 1)!, termStart: termStart)),
            Spot(i, 7, 4, .badChoice(value: "on_leave", key: "status", accepted: Vocabulary.statusNames)),
            Spot(i, 8, 8, .unknownConflictSchool(id: "S99")),
            Spot(i, 9, 9, .badWholeNumber(value: "0", key: "max_schools", issue: .belowMinimum(1))),
            Spot(i, 10, 9, .badWholeNumber(value: "-2", key: "max_schools", issue: .negative)),
            Spot(i, 11, 9, .warning, .capHasNoEffect(value: 9, limit: 5)),
            Spot(i, 12, 7, .warning, .zoneWithoutSchools(zone: "North")),
            Spot(i, 13, 6, .badWholeNumber(value: "-1", key: "consecutive_terms", issue: .negative)),
            Spot(i, 14, 10, .badChoice(value: "nursery", key: "stages", accepted: Vocabulary.stageNames)),
            Spot(i, 15, 1, .duplicateID(id: "D1", firstLine: 2)),
        ]
        #expect(found.map(Spot.init) == expected)
    }

    @Test func messagesRenderInEnglishAndChinese() throws {
        let found = problems { _ = try DistrictReader.read(folder: Fixtures.path("bad-values"), policy: policy) }
        let negative = try #require(found.first { $0.line == 3 && $0.file == "schools.csv" })
        #expect(negative.description
            == "schools.csv:3:3: error: enrollment \"-5\" is negative; fix: write the number of students, e.g. 1200")
        #expect(negative.message == "enrollment \"-5\" is negative")
        #expect(negative.fix == "write the number of students, e.g. 1200")
        #expect(negative.column == InputProblem.Column(name: "enrollment", index: 3))
        #expect(negative.message(in: .zh) == "schools.csv 第 3 行 enrollment 列：“-5” 不是非负整数；请填写学生人数，如 1200")

        let duplicate = try #require(found.first { $0.line == 4 && $0.file == "schools.csv" })
        #expect(duplicate.message == "duplicate id \"S1\" (first on line 2)")
        let late = try #require(found.first { $0.line == 6 && $0.file == "inspectors.csv" })
        #expect(late.message == "retired_on 2027-01-01 is after the term start 2026-09-01")
        let badEmployment = try #require(found.first { $0.line == 3 && $0.file == "inspectors.csv" })
        #expect(badEmployment.message == "unknown employment \"contract\" (accepted: full_time, part_time, 专职, 兼职)")
        #expect(badEmployment.summary(in: .zh) == "无法识别“contract”（可填：full_time、part_time、专职、兼职）")
        let badDate = try #require(found.first { $0.line == 5 && $0.file == "inspectors.csv" })
        #expect(badDate.message.contains("YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYY年M月D日"))
    }

    @Test func chineseHeaderNamesTheColumnInChineseMessages() {
        let schools = "学校代码,学校名称,在校生数,责任区\nA1,甲,100,一区\nA2,乙,-5,一区\n"
        let inspectors = "督学编号,姓名,专兼职,在职状态,已连任届数,责任区\nD1,张,专职,在职,0,一区\n"
        let found = problems {
            _ = try DistrictReader.read(schoolsCSV: schools, inspectorsCSV: inspectors, name: "t", policy: policy)
        }
        #expect(found.count == 1)
        #expect(found.first?.message(in: .zh) == "schools.csv 第 3 行 在校生数 列：“-5” 不是非负整数；请填写学生人数，如 1200")
        #expect(found.first?.message(in: .en)
            == "schools.csv line 3, column 在校生数: enrollment \"-5\" is negative; fix: write the number of students, e.g. 1200")
    }

    @Test func missingAndMisspelledColumnsAndMissingFile() {
        let folder = Fixtures.path("header-problems")
        let found = problems { _ = try DistrictReader.read(folder: folder, policy: policy) }
        #expect(found.map(Spot.init) == [
            Spot("schools.csv", 1, 3, .warning, .unknownColumn(header: "enrolment", suggestion: "enrollment")),
            Spot("schools.csv", 1, nil, .missingColumn(
                key: "enrollment", accepted: ["enrollment", "在校生数"], lookalike: "enrolment")),
            Spot("inspectors.csv", nil, nil, .fileNotFound(path: folder + "/inspectors.csv")),
        ])
        #expect(found[0].message == "unknown column \"enrolment\" is ignored; did you mean \"enrollment\"?")
        #expect(found[1].description == "schools.csv:1: error: missing required column enrollment "
            + "(accepted names: enrollment, 在校生数); column \"enrolment\" looks like it; "
            + "fix: rename column \"enrolment\" to \"enrollment\"")
    }

    @Test func emptyFileAndHeaderOnly() {
        let found = problems { _ = try DistrictReader.read(folder: Fixtures.path("empty"), policy: policy) }
        #expect(found.map(Spot.init) == [
            Spot("schools.csv", nil, nil, .emptyFile),
            Spot("inspectors.csv", nil, nil, .noRecords(.inspectors)),
        ])
        #expect(found[1].message == "no inspectors: the file has only a header")
    }

    @Test func onlyAHeaderMeansNoSchools() {
        let found = problems {
            _ = try DistrictReader.read(
                schoolsCSV: "id,name,enrollment,zone\n", inspectorsCSV: "id,name,employment,status,consecutive_terms,zone\nD1,W,专职,在职,0,E\n",
                name: "t", policy: policy)
        }
        #expect(found.map(Spot.init) == [Spot("schools.csv", nil, nil, .noRecords(.schools))])
        #expect(found.first?.description.hasPrefix("schools.csv: error: no schools") == true)
    }

    @Test func openQuoteIsReportedWhereItOpened() {
        let found = problems { _ = try DistrictReader.read(folder: Fixtures.path("open-quote"), policy: policy) }
        #expect(found.map(Spot.init) == [Spot("schools.csv", 2, 2, .openQuote(line: 2, column: 4))])
        #expect(found.first?.column?.name == "name")
    }

    @Test func utf16FileIsRejected() {
        let found = problems { _ = try DistrictReader.read(folder: Fixtures.path("utf16"), policy: policy) }
        #expect(found.map(Spot.init) == [Spot("schools.csv", nil, nil, .encoding(.utf16))])
        #expect(found.first?.description
            == "schools.csv: error: file is UTF-16; fix: save it as UTF-8 or GBK (CSV UTF-8 in Excel)")
    }

    @Test func missingFolder() {
        let found = problems { _ = try DistrictReader.read(folder: "/no/such/district", policy: policy) }
        #expect(found.map(Spot.init) == [Spot("/no/such/district", nil, nil, .folderNotFound(path: "/no/such/district"))])
    }

    @Test func warningsDoNotStopTheLoad() throws {
        let schools = "id,name,enrollment,zone,note\nS1,A,10,East,x\n"
        let inspectors = """
            id,name,employment,status,retired_on,consecutive_terms,zone,max_schools,phone
            D1,W,full_time,in_service,2020-01-01,0,West,8,1.38001E+10
            """
        let load = try DistrictReader.read(schoolsCSV: schools, inspectorsCSV: inspectors, name: "t", policy: policy)
        #expect(load.district.inspectors.count == 1)
        #expect(load.district.inspectors.first?.status == .inService)
        #expect(load.warnings.map(Spot.init) == [
            Spot("schools.csv", 1, 5, .warning, .unknownColumn(header: "note", suggestion: nil)),
            Spot("inspectors.csv", 2, 5, .warning, .retiredOnIgnored(value: "2020-01-01")),
            Spot("inspectors.csv", 2, 7, .warning, .zoneWithoutSchools(zone: "West")),
            Spot("inspectors.csv", 2, 8, .warning, .capHasNoEffect(value: 8, limit: 5)),
            Spot("inspectors.csv", 2, 9, .warning, .phoneMangled(value: "1.38001E+10")),
        ])
    }

    @Test func zonesIgnoredMeansNoZoneWarning() throws {
        var ignoring = policy
        ignoring.zones = .ignore
        let load = try DistrictReader.read(
            schoolsCSV: "id,name,enrollment,zone\nS1,A,10,East\n",
            inspectorsCSV: "id,name,employment,status,consecutive_terms,zone\nD1,W,full_time,in_service,0,West\n",
            name: "t", policy: ignoring)
        #expect(load.warnings.isEmpty)
    }

    @Test func retiredWithoutRetiredOnColumnPointsAtStatus() {
        let found = problems {
            _ = try DistrictReader.read(
                schoolsCSV: "id,name,enrollment,zone\nS1,A,10,East\n",
                inspectorsCSV: "id,name,employment,status,consecutive_terms,zone\nD1,W,兼职,退休,0,East\n",
                name: "t", policy: policy)
        }
        #expect(found.map(Spot.init) == [Spot("inspectors.csv", 2, 4, .retiredWithoutDate)])
    }

    @Test func problemsAreCappedAtAHundredPerFile() {
        var schools = "id,name,enrollment,zone\n"
        for n in 1...150 { schools += "S\(n),A,-1,East\n" }
        let found = problems {
            _ = try DistrictReader.read(
                schoolsCSV: schools,
                inspectorsCSV: "id,name,employment,status,consecutive_terms,zone\nD1,W,full_time,in_service,0,East\n",
                name: "t", policy: policy)
        }
        #expect(found.count == 101)
        #expect(found.last?.kind == .tooManyProblems(omitted: 50))
        #expect(found.last?.message == "50 more problems not shown")
        #expect(found[99].line == 101)
    }

    @Test func byteOrderMarkLeftInTheTextAndDuplicateColumns() {
        let inspectors = "\u{FEFF}督学编号,姓名,专兼职,在职状态,已连任届数,责任区,ID\nD1,张,专职,在职,0,E,D9\n"
        let found = problems {
            _ = try DistrictReader.read(
                schoolsCSV: "id,name,enrollment,zone\nS1,A,10,E\n", inspectorsCSV: inspectors, name: "t", policy: policy)
        }
        #expect(found.map(Spot.init) == [Spot("inspectors.csv", 1, 7, .duplicateColumn(key: "id", firstColumn: 1))])
        #expect(found.first?.message == "column repeats column 1 (both are id)")
    }
}
