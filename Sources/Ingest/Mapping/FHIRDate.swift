import OMOP

/// A FHIR `date`, `dateTime` or `instant` as the CDM stores it: the calendar date as written (local to the
/// source, so an onset recorded on the 3rd stays on the 3rd whatever its offset) and the wall-clock time
/// when there is one. Partial dates (`YYYY`, `YYYY-MM`) fall on the first day of their period.
struct FHIRDate: Equatable {
    enum Precision: Int, Comparable {
        case year, month, day, time
        static func < (lhs: Precision, rhs: Precision) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    let date: CDMDate
    let datetime: CDMDateTime?
    let precision: Precision

    /// Parses the FHIR grammar `YYYY(-MM(-DD(Thh:mm:ss(.s+)?(Z|(+|-)hh:mm))?)?)?`; nil for anything else.
    init?(_ text: String) {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        func byte(_ index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }
        guard let year = number(0..<4), year >= 1 else { return nil }
        var month = 1, day = 1
        precision = switch bytes.count {
        case 4: .year
        case 7: .month
        case 10: .day
        default: .time
        }
        if precision >= .month {
            guard byte(4) == UInt8(ascii: "-"), let value = number(5..<7) else { return nil }
            month = value
        }
        if precision >= .day {
            guard byte(7) == UInt8(ascii: "-"), let value = number(8..<10) else { return nil }
            day = value
        }
        guard let date = CDMDate(year: year, month: month, day: day) else { return nil }
        self.date = date
        guard precision == .time else {
            datetime = nil
            return
        }
        guard byte(10) == UInt8(ascii: "T"), byte(13) == UInt8(ascii: ":"), byte(16) == UInt8(ascii: ":"),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        if byte(index) == UInt8(ascii: ".") {
            index += 1
            let digits = index
            while let next = byte(index), next >= 48, next <= 57 { index += 1 }
            guard index > digits else { return nil }
        }
        switch byte(index) {
        case UInt8(ascii: "Z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard byte(index + 3) == UInt8(ascii: ":"), let hours = number(index + 1..<index + 3), number(index + 4..<index + 6) != nil,
                  hours <= 14
            else { return nil }
            index += 6
        default:
            return nil  // FHIR requires a zone on a dateTime with a time
        }
        guard index == bytes.count else { return nil }
        datetime = CDMDateTime(date: date, secondOfDay: hour * 3600 + minute * 60 + min(second, 59))
    }
}
