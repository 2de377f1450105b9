import Testing

@testable import DuxueSheets

/// Serial dates in both date systems, and the 1900 system's fictitious leap day.
@Suite("Serial dates")
struct SheetDateTests {
    @Test(arguments: [
        (1.0, "1900-01-01"), (59.0, "1900-02-28"), (60.0, "1900-02-29"), (61.0, "1900-03-01"),
        (45443.0, "2024-05-31"), (45443.75, "2024-05-31"), (2958465.0, "9999-12-31"),
    ])
    func system1900(serial: Double, expected: String) {
        #expect(SheetDate(serial: serial, uses1904: false)?.description == expected)
    }

    @Test func system1904() {
        #expect(SheetDate(serial: 0, uses1904: true)?.description == "1904-01-01")
        #expect(SheetDate(serial: 43981, uses1904: true)?.description == "2024-05-31")
        #expect(SheetDate(serial: 0, uses1904: false) == nil)
        #expect(SheetDate(serial: 2958466, uses1904: false) == nil)
    }
}
