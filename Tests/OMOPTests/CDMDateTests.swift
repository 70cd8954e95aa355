import Foundation
import OMOP
import Testing

@Suite struct CDMDateTests {
    @Test func knownEpochOffsets() {
        #expect(CDMDate(year: 1970, month: 1, day: 1)?.daysSinceEpoch == 0)
        #expect(CDMDate(year: 2000, month: 1, day: 1)?.daysSinceEpoch == 10_957)
        #expect(CDMDate(year: 1969, month: 12, day: 31)?.daysSinceEpoch == -1)
        #expect(CDMDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CDMDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CDMDate(year: 2023, month: 4, day: 31) == nil)
    }

    /// Every day from 1800 to 2100 against Foundation's Gregorian calendar in UTC, an independent reference.
    @Test func agreesWithFoundationOverFourCenturies() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let start = try #require(CDMDate(year: 1800, month: 1, day: 1))
        let end = try #require(CDMDate(year: 2100, month: 12, day: 31))
        for days in start.daysSinceEpoch...end.daysSinceEpoch {
            let date = CDMDate(daysSinceEpoch: days)
            let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(days) * 86_400))
            let (year, month, day) = date.components
            #expect(year == parts.year && month == parts.month && day == parts.day, "\(days)")
            #expect(CDMDate(date.description) == date)
        }
    }

    @Test func parsesTheFormsOMOPFilesUse() {
        let expected = CDMDate(year: 2013, month: 5, day: 17)
        #expect(CDMDate("2013-05-17") == expected)
        #expect(CDMDate("20130517") == expected)
        #expect(CDMDate("2013-05-17 00:00:00") == expected)
        #expect(CDMDate("2013-05-17T10:11:12.250Z") == expected)
        #expect(CDMDateTime("2013-05-17 10:11:12")?.secondOfDay == 36_672)
        #expect(CDMDateTime("2013-05-17")?.secondOfDay == 0)
    }

    @Test(arguments: ["2013-13-01", "2013-02-30", "17/05/2013", "2013-5-17", "abc", "", "2013-05-17 25:00:00", "2013-05-17x"])
    func rejectsMalformedDates(_ text: String) {
        #expect(CDMDate(text) == nil)
    }

    @Test func datetimeRoundTripsThroughSeconds() throws {
        let value = try #require(CDMDateTime("1955-03-07 23:59:59"))
        #expect(CDMDateTime(secondsSinceEpoch: value.secondsSinceEpoch) == value)
        #expect(value.description == "1955-03-07 23:59:59")
    }
}
