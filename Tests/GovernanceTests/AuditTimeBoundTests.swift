import Foundation
import Governance
import Testing

@Suite struct AuditTimeBoundTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func readsDaysTimesAndAges() {
        #expect(AuditTimeBound.date("2026-11-27", now: now) == GovernanceClock.date("2026-11-27T00:00:00.000Z"))
        #expect(AuditTimeBound.date("2026-11-27T10:00:00Z", now: now) == GovernanceClock.date("2026-11-27T10:00:00.000Z"))
        #expect(AuditTimeBound.date("2026-11-27T10:00:00.250Z", now: now) == GovernanceClock.date("2026-11-27T10:00:00.250Z"))
        #expect(AuditTimeBound.date("24h", now: now) == now.addingTimeInterval(-86400))
        #expect(AuditTimeBound.date("7d", now: now) == now.addingTimeInterval(-7 * 86400))
        #expect(AuditTimeBound.date("30m", now: now) == now.addingTimeInterval(-1800))
    }

    @Test func refusesAnythingElse() {
        for text in ["", "yesterday", "7w", "-1d", "2026-13-01", "27/11/2026", "d"] {
            #expect(AuditTimeBound.date(text, now: now) == nil, "\(text)")
        }
    }
}
