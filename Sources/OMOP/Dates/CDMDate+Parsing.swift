/// Reading dates as OMOP files write them: `YYYY-MM-DD`, Athena's `YYYYMMDD`, or a datetime
/// (`YYYY-MM-DD HH:MM:SS`, `T` separator, fractional seconds, trailing `Z`) whose date part is taken.
extension CDMDate {
    /// Parses a date or datetime text; nil when it is not one of the accepted forms or names no day.
    public init?(_ text: String) {
        var text = text
        guard let parsed = text.withUTF8({ CDMDateTime.parse($0) }) else { return nil }
        self = parsed.date
    }

    /// Parses raw UTF-8 bytes, the loaders' fast path.
    public init?(bytes: UnsafeBufferPointer<UInt8>) {
        guard let parsed = CDMDateTime.parse(bytes) else { return nil }
        self = parsed.date
    }
}

extension CDMDateTime {
    /// Parses a datetime, or a date alone (midnight); nil when malformed.
    public init?(_ text: String) {
        var text = text
        guard let parsed = text.withUTF8({ CDMDateTime.parse($0) }) else { return nil }
        self = parsed
    }

    /// Parses raw UTF-8 bytes, the loaders' fast path.
    public init?(bytes: UnsafeBufferPointer<UInt8>) {
        guard let parsed = CDMDateTime.parse(bytes) else { return nil }
        self = parsed
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> CDMDateTime? {
        var end = bytes.count
        while end > 0, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        var start = 0
        while start < end, bytes[start] == UInt8(ascii: " ") { start += 1 }

        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= end else { return nil }
            var value = 0
            for index in from..<(from + count) {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }

        let length = end - start
        let date: CDMDate?
        var cursor: Int
        if length >= 10, bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-") {
            guard let year = number(start, 4), let month = number(start + 5, 2), let day = number(start + 8, 2)
            else { return nil }
            date = CDMDate(year: year, month: month, day: day)
            cursor = start + 10
        } else if length == 8 {
            guard let year = number(start, 4), let month = number(start + 4, 2), let day = number(start + 6, 2)
            else { return nil }
            date = CDMDate(year: year, month: month, day: day)
            cursor = start + 8
        } else {
            return nil
        }
        guard let date else { return nil }
        guard cursor < end else { return CDMDateTime(date: date) }

        // Time of day: separator, HH:MM[:SS[.fff]], optional Z.
        guard bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "T") else { return nil }
        cursor += 1
        guard let hour = number(cursor, 2), hour < 24,
              cursor + 2 < end, bytes[cursor + 2] == UInt8(ascii: ":"),
              let minute = number(cursor + 3, 2), minute < 60
        else { return nil }
        cursor += 5
        var second = 0
        if cursor < end, bytes[cursor] == UInt8(ascii: ":") {
            guard let value = number(cursor + 1, 2), value < 60 else { return nil }
            second = value
            cursor += 3
            if cursor < end, bytes[cursor] == UInt8(ascii: ".") {
                cursor += 1
                let digitsStart = cursor
                while cursor < end, (48...57).contains(bytes[cursor]) { cursor += 1 }
                guard cursor > digitsStart else { return nil }
            }
        }
        if cursor < end, bytes[cursor] == UInt8(ascii: "Z") { cursor += 1 }
        guard cursor == end else { return nil }
        return CDMDateTime(date: date, secondOfDay: hour * 3600 + minute * 60 + second)
    }
}
