/// A TOML date, time or date-time, as written: the fields its kind has are set, the others are `nil`.
///
/// `1979-05-27T07:32:00-08:00` is an ``Kind/offsetDateTime`` with every field set; `1979-05-27` is a
/// ``Kind/localDate`` with only `year`, `month` and `day`; `07:32:00` is a ``Kind/localTime``.
public struct TOMLDateTime: Hashable, Sendable, CustomStringConvertible {
    /// Which of TOML's four date and time types the value is.
    public enum Kind: String, Hashable, Sendable {
        /// Date, time and offset from UTC: `1979-05-27T07:32:00Z`.
        case offsetDateTime
        /// Date and time without an offset: `1979-05-27T07:32:00`.
        case localDateTime
        /// A date alone: `1979-05-27`.
        case localDate
        /// A time of day alone: `07:32:00`.
        case localTime
    }

    /// Which of the four types this is.
    public var kind: Kind
    /// The year (0–9999), for dates and date-times.
    public var year: Int?
    /// The month (1–12), for dates and date-times.
    public var month: Int?
    /// The day of the month (1–31, valid for the month), for dates and date-times.
    public var day: Int?
    /// The hour (0–23), for times and date-times.
    public var hour: Int?
    /// The minute (0–59), for times and date-times.
    public var minute: Int?
    /// The second (0–60, 60 being a leap second), for times and date-times.
    public var second: Int?
    /// The fraction of the second in nanoseconds (digits past the ninth are cut off); `nil` when the
    /// text has no fraction.
    public var nanosecond: Int?
    /// Minutes east of UTC (`Z` is 0, `-08:00` is -480), for offset date-times only.
    public var offsetMinutes: Int?

    /// A date-time from its fields; the reader only makes valid ones, this initializer checks nothing.
    public init(kind: Kind, year: Int? = nil, month: Int? = nil, day: Int? = nil, hour: Int? = nil, minute: Int? = nil,
                second: Int? = nil, nanosecond: Int? = nil, offsetMinutes: Int? = nil) {
        self.kind = kind
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.nanosecond = nanosecond
        self.offsetMinutes = offsetMinutes
    }

    /// RFC 3339 text: `1979-05-27T07:32:00.5-08:00`, `1979-05-27T07:32:00`, `1979-05-27` or `07:32:00`;
    /// a fraction, when the value has one, loses its trailing zeros but keeps one digit (`.5`, `.0`);
    /// a zero offset is `Z`. Reading the text gives back the same value.
    public var description: String {
        var text = ""
        if let year, let month, let day {
            text = "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))"
        }
        if let hour, let minute, let second {
            if !text.isEmpty { text += "T" }
            text += "\(Self.padded(hour, 2)):\(Self.padded(minute, 2)):\(Self.padded(second, 2))"
            if let nanosecond {
                var digits = Self.padded(nanosecond, 9)
                while digits.count > 1, digits.last == "0" { digits.removeLast() }
                text += "." + digits
            }
        }
        if let offsetMinutes {
            if offsetMinutes == 0 {
                text += "Z"
            } else {
                let size = abs(offsetMinutes)
                text += (offsetMinutes < 0 ? "-" : "+") + "\(Self.padded(size / 60, 2)):\(Self.padded(size % 60, 2))"
            }
        }
        return text
    }

    /// `number` in decimal with leading zeros up to `width` digits.
    static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
