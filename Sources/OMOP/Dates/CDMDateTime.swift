/// A CDM date and time of day, without time zone, to the second.
public struct CDMDateTime: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let date: CDMDate
    /// Seconds since midnight, 0..<86_400.
    public let secondOfDay: Int

    public init(date: CDMDate, secondOfDay: Int = 0) {
        precondition((0..<86_400).contains(secondOfDay), "second of day out of range")
        self.date = date
        self.secondOfDay = secondOfDay
    }

    /// Seconds since 1970-01-01 00:00:00.
    public var secondsSinceEpoch: Int {
        date.daysSinceEpoch * 86_400 + secondOfDay
    }

    public init(secondsSinceEpoch: Int) {
        let days = secondsSinceEpoch >= 0 ? secondsSinceEpoch / 86_400 : (secondsSinceEpoch - 86_399) / 86_400
        self.init(date: CDMDate(daysSinceEpoch: days), secondOfDay: secondsSinceEpoch - days * 86_400)
    }

    /// `YYYY-MM-DD HH:MM:SS`, the form both SQLite and PostgreSQL read back unchanged.
    public var description: String {
        let hour = secondOfDay / 3600, minute = secondOfDay / 60 % 60, second = secondOfDay % 60
        return "\(date) " + CDMDate.pad(hour, 2) + ":" + CDMDate.pad(minute, 2) + ":" + CDMDate.pad(second, 2)
    }

    public static func < (lhs: CDMDateTime, rhs: CDMDateTime) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }
}
