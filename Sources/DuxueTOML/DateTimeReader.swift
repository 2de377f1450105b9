/// Reads TOML dates and times (RFC 3339 with TOML's relaxations: `T`, `t` or a space between date and
/// time; seconds required; any number of fraction digits, cut to nanoseconds), checking that the date
/// exists (leap years included) and that times and offsets are in range.
enum DateTimeReader {
    /// Whether `token` starts like a date (`dddd-`) or a time (`dd:`); numbers never do.
    static func looksLikeDateTime(_ token: ArraySlice<UInt8>) -> Bool {
        let bytes = Array(token.prefix(5))
        if bytes.count >= 5, bytes[0...3].allSatisfy(\.isDigit), bytes[4] == .minus { return true }
        return bytes.count >= 3 && bytes[0...1].allSatisfy(\.isDigit) && bytes[2] == .colon
    }

    /// Whether `token`, not a valid number, still reads as a date or time gone wrong (`02026-05-07`,
    /// `199-09-09`, `7:30:00`): a `:`, or a `-` right between two digits; for the message only.
    static func looksLikeMalformedDateTime(_ token: ArraySlice<UInt8>) -> Bool {
        let bytes = Array(token)
        guard let first = bytes.first, first.isDigit else { return false }
        if bytes.contains(.colon) { return true }
        return bytes.indices.dropFirst().dropLast().contains {
            bytes[$0] == .minus && bytes[$0 - 1].isDigit && bytes[$0 + 1].isDigit
        }
    }

    /// Whether `token` is exactly a date, `YYYY-MM-DD` (not checked for range).
    static func isDate(_ token: ArraySlice<UInt8>) -> Bool {
        let bytes = Array(token)
        return bytes.count == 10 && bytes[4] == .minus && bytes[7] == .minus
            && [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { bytes[$0].isDigit }
    }

    /// The date, time or date-time `token` is, or `nil` when it is malformed or out of range.
    static func read(_ token: ArraySlice<UInt8>) -> TOMLDateTime? {
        let bytes = Array(token)
        if bytes.count >= 3, bytes[2] == .colon {
            guard let read = time(bytes, from: 0), read.end == bytes.count else { return nil }
            return TOMLDateTime(kind: .localTime, hour: read.hour, minute: read.minute, second: read.second,
                                nanosecond: read.nanosecond)
        }
        guard bytes.count >= 10, isDate(token.prefix(10)),
              let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2),
              (1...12).contains(month), day >= 1, day <= days(inMonth: month, year: year)
        else { return nil }
        if bytes.count == 10 { return TOMLDateTime(kind: .localDate, year: year, month: month, day: day) }
        let separator = bytes[10]
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == .space,
              let read = time(bytes, from: 11)
        else { return nil }
        var value = TOMLDateTime(kind: .localDateTime, year: year, month: month, day: day, hour: read.hour,
                                 minute: read.minute, second: read.second, nanosecond: read.nanosecond)
        if read.end == bytes.count { return value }
        guard let offset = offset(bytes, from: read.end) else { return nil }
        value.kind = .offsetDateTime
        value.offsetMinutes = offset
        return value
    }

    /// `HH:MM:SS` with an optional `.fraction`, from `start`; the time and the offset just past it.
    private static func time(_ bytes: [UInt8], from start: Int)
        -> (hour: Int, minute: Int, second: Int, nanosecond: Int?, end: Int)?
    {
        guard bytes.count >= start + 8, bytes[start + 2] == .colon, bytes[start + 5] == .colon,
              let hour = number(bytes, start, 2), let minute = number(bytes, start + 3, 2),
              let second = number(bytes, start + 6, 2), hour <= 23, minute <= 59, second <= 60
        else { return nil }
        var end = start + 8
        var nanosecond: Int?
        if end < bytes.count, bytes[end] == .dot {
            end += 1
            var digits = 0
            var value = 0
            while end < bytes.count, bytes[end].isDigit {
                if digits < 9 { value = value * 10 + Int(bytes[end] - UInt8(ascii: "0")) }
                digits += 1
                end += 1
            }
            guard digits > 0 else { return nil }
            for _ in min(digits, 9)..<9 { value *= 10 }
            nanosecond = value
        }
        return (hour, minute, second, nanosecond, end)
    }

    /// `Z`, `z`, `+HH:MM` or `-HH:MM` making up the rest of `bytes` from `start`, in minutes.
    private static func offset(_ bytes: [UInt8], from start: Int) -> Int? {
        let letter = bytes[start]
        if letter == UInt8(ascii: "Z") || letter == UInt8(ascii: "z") { return bytes.count == start + 1 ? 0 : nil }
        guard letter == .plus || letter == .minus, bytes.count == start + 6, bytes[start + 3] == .colon,
              let hours = number(bytes, start + 1, 2), let minutes = number(bytes, start + 4, 2), hours <= 23, minutes <= 59
        else { return nil }
        let total = hours * 60 + minutes
        return letter == .minus ? -total : total
    }

    /// The decimal number in `count` digits at `start`, if they are all digits.
    private static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start >= 0, start + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start..<(start + count)] {
            guard byte.isDigit else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// The number of days in `month` of `year` (Gregorian).
    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
