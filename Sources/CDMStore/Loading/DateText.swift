import OMOP

/// Writes integers, CDM dates and datetimes as bytes without making Strings, for the bulk writers.
enum DateText {
    /// Writes `YYYY-MM-DD` (10 bytes) for days since 1970 into `out`.
    static func writeDate(daysSinceEpoch: Int, into out: UnsafeMutablePointer<UInt8>) {
        let (year, month, day) = CDMDate(daysSinceEpoch: daysSinceEpoch).components
        digits(year, 4, out)
        out[4] = UInt8(ascii: "-")
        digits(month, 2, out + 5)
        out[7] = UInt8(ascii: "-")
        digits(day, 2, out + 8)
    }

    /// Writes `YYYY-MM-DD HH:MM:SS` (19 bytes) for seconds since 1970 into `out`.
    static func writeDateTime(secondsSinceEpoch: Int, into out: UnsafeMutablePointer<UInt8>) {
        let days = secondsSinceEpoch >= 0 ? secondsSinceEpoch / 86_400 : (secondsSinceEpoch - 86_399) / 86_400
        let second = secondsSinceEpoch - days * 86_400
        writeDate(daysSinceEpoch: days, into: out)
        out[10] = UInt8(ascii: " ")
        digits(second / 3600, 2, out + 11)
        out[13] = UInt8(ascii: ":")
        digits(second / 60 % 60, 2, out + 14)
        out[16] = UInt8(ascii: ":")
        digits(second % 60, 2, out + 17)
    }

    /// Writes a decimal integer into `out` (at least 20 bytes); returns the number of bytes written.
    static func writeInteger(_ value: Int64, into out: UnsafeMutablePointer<UInt8>) -> Int {
        var magnitude = value.magnitude
        var reversed: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                       UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &reversed) { digits in
            repeat {
                digits[count] = UInt8(48 + magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            var written = 0
            if value < 0 {
                out[0] = UInt8(ascii: "-")
                written = 1
            }
            for position in stride(from: count - 1, through: 0, by: -1) {
                out[written] = digits[position]
                written += 1
            }
            count = written
        }
        return count
    }

    private static func digits(_ value: Int, _ width: Int, _ out: UnsafeMutablePointer<UInt8>) {
        var value = value
        for position in stride(from: width - 1, through: 0, by: -1) {
            out[position] = UInt8(48 + value % 10)
            value /= 10
        }
    }
}
