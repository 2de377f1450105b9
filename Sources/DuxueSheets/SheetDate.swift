/// A calendar date read from a workbook: a serial number in the workbook's date system, or an ISO cell.
///
/// Not validated: the 1900 system's fictitious 1900-02-29 (serial 60, Lotus 1-2-3's leap-year bug that
/// Excel keeps) is returned as written, so that the reader that needs a real date reports it.
public struct SheetDate: Hashable, Sendable, CustomStringConvertible {
    /// Year.
    public var year: Int
    /// Month, 1–12.
    public var month: Int
    /// Day of the month (29 for the fictitious 1900-02-29).
    public var day: Int

    /// A date.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day a serial number stands for (its fraction, the time of day, is dropped): in the 1900 system
    /// serial 1 is 1900-01-01 and 60 the fictitious 1900-02-29; in the 1904 system serial 0 is 1904-01-01.
    /// `nil` for serials before the system's first day or past 9999-12-31.
    public init?(serial: Double, uses1904: Bool) {
        guard serial.isFinite, serial < 3_000_000 else { return nil }
        let whole = Int(serial.rounded(.down))
        if uses1904 {
            guard whole >= 0 else { return nil }
            self = Self.civil(Self.days1904 + whole)
        } else {
            guard whole >= 1 else { return nil }
            if whole == 60 {
                self = SheetDate(year: 1900, month: 2, day: 29)
                return
            }
            // Before the fictitious day, serial 1 is 1900-01-01; after it, every serial counts one day too many.
            self = Self.civil(Self.days1899Dec31 + whole - (whole > 60 ? 1 : 0))
        }
        guard year <= 9999 else { return nil }
    }

    /// An ISO 8601 date or date-time (`2024-05-31`, `2024-05-31T08:00:00`), as in `t="d"` cells.
    public init?(iso text: String) {
        let datePart = text.split(separator: "T").first ?? ""
        let pieces = datePart.split(separator: "-")
        guard pieces.count == 3, let year = Int(pieces[0]), let month = Int(pieces[1]), let day = Int(pieces[2]) else {
            return nil
        }
        self.init(year: year, month: month, day: day)
    }

    /// YYYY-MM-DD.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Days from 1970-01-01 to 1899-12-31 and to 1904-01-01.
    private static let days1899Dec31 = -25_568
    private static let days1904 = -24_107

    /// The proleptic Gregorian date of a day count from 1970-01-01 (H. Hinnant's `civil_from_days`).
    static func civil(_ days: Int) -> SheetDate {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return SheetDate(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }
}
