import Foundation

/// A time bound as people type it for `--since`/`--until` or `?since=`: a UTC day (`2026-11-27`), a UTC
/// time (`2026-11-27T10:00:00Z`), or an age before now (`30m`, `24h`, `7d`).
public enum AuditTimeBound {
    public static func date(_ text: String, now: Date = Date()) -> Date? {
        if let unit = text.last, let amount = Double(text.dropLast()), amount >= 0 {
            let seconds: Double? = switch unit {
            case "m": 60
            case "h": 3600
            case "d": 86400
            default: nil
            }
            return seconds.map { now.addingTimeInterval(-amount * $0) }
        }
        if text.count == 10, let day = try? Date(text, strategy: .iso8601.year().month().day().dateSeparator(.dash)) {
            return day
        }
        return GovernanceClock.date(text) ?? (try? Date(text, strategy: .iso8601))
    }

    /// What `date` accepts, for error messages.
    public static let forms = "a UTC day (2026-11-27), a UTC time (2026-11-27T10:00:00Z), or an age (30m, 24h, 7d)"
}
