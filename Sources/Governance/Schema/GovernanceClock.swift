import Foundation

/// The one text form of a time in the governance tables: UTC ISO-8601 with milliseconds, which sorts as it reads.
public enum GovernanceClock {
    /// Formatting cuts off below the millisecond, so half a millisecond is added first: the nearest one is
    /// written, and a time read back from its text prints the same text again.
    public static func text(_ date: Date) -> String {
        date.addingTimeInterval(0.0005).formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: true).timeSeparator(.colon)) + "Z"
    }

    public static func date(_ text: String) -> Date? {
        try? Date(text.hasSuffix("Z") ? text : text + "Z", strategy: .iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: true).timeSeparator(.colon))
    }
}
