import Crypto
import Foundation

/// The server's signed-in sessions, in memory: a restart signs everyone out, which is the safe direction. A session
/// ends after 30 idle minutes or 8 hours, whichever comes first.
actor WebSessionStore {
    static let idleLimit: TimeInterval = 30 * 60
    static let absoluteLimit: TimeInterval = 8 * 3600

    private var sessions: [String: WebSession] = [:]

    func create(userName: String, now: Date = Date()) -> WebSession {
        purge(now: now)
        let session = WebSession(id: Self.randomToken(), userName: userName, csrfToken: Self.randomToken(), created: now, lastSeen: now)
        sessions[session.id] = session
        return session
    }

    /// The live session with this id, its idle clock restarted; nil when unknown or expired.
    func session(id: String, now: Date = Date()) -> WebSession? {
        guard var session = sessions[id] else { return nil }
        guard now.timeIntervalSince(session.lastSeen) < Self.idleLimit, now.timeIntervalSince(session.created) < Self.absoluteLimit else {
            sessions[id] = nil
            return nil
        }
        session.lastSeen = now
        sessions[id] = session
        return session
    }

    func remove(id: String) { sessions[id] = nil }

    private func purge(now: Date) {
        sessions = sessions.filter { now.timeIntervalSince($0.value.lastSeen) < Self.idleLimit && now.timeIntervalSince($0.value.created) < Self.absoluteLimit }
    }

    /// 256 random bits, URL-safe base64.
    static func randomToken() -> String {
        Data(SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Compares two tokens in time independent of where they differ.
    nonisolated static func matches(_ given: String?, _ expected: String) -> Bool {
        guard let given, given.utf8.count == expected.utf8.count else { return false }
        return zip(given.utf8, expected.utf8).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
