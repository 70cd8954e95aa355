import Crypto
import Foundation

/// A signed federation message: who sent it, when, a nonce against replay, the payload, and an Ed25519
/// signature over "optima-federation/1\n" + signer + "\n" + timestamp + "\n" + nonce + "\n" + hex SHA-256 of the
/// payload. `ReplayGuard.open` checks it; `SigningKey.seal` makes it.
public struct SignedEnvelope: Sendable, Codable, Equatable {
    /// The sender's name, as the receiver's allow-list knows it.
    public var signer: String
    /// ISO 8601 UTC with milliseconds.
    public var timestamp: String
    /// 16 random bytes, base64.
    public var nonce: String
    /// Base64.
    public var payload: String
    /// Base64 Ed25519 signature.
    public var signature: String

    public init(signer: String, timestamp: String, nonce: String, payload: String, signature: String) {
        self.signer = signer
        self.timestamp = timestamp
        self.nonce = nonce
        self.payload = payload
        self.signature = signature
    }

    /// The protocol version bound into every signature, so a signature cannot be replayed under another protocol.
    static let context = "optima-federation/1"

    func signedMessage(payload: Data) -> Data {
        let digest = SHA256.hash(data: payload).map { String(format: "%02x", $0) }.joined()
        return Data([Self.context, signer, timestamp, nonce, digest].joined(separator: "\n").utf8)
    }

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: true).timeSeparator(.colon)) + "Z"
    }

    static func date(_ timestamp: String) -> Date? {
        guard timestamp.hasSuffix("Z") else { return nil }
        return try? Date(timestamp, strategy: .iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: true).timeSeparator(.colon))
    }
}
