import Crypto
import Foundation

/// A long-lived credential for scripts and services: `opk_<key id>_<secret>`. The key id finds the row
/// by its primary key; only the SHA-256 of the secret is stored, so the database never holds a usable key.
struct APIKey: Sendable {
    static let prefix = "opk_"
    let id: String
    let secret: String

    /// A new key: 8 random bytes of id and 32 of secret, in lowercase hex.
    static func generate() -> APIKey {
        APIKey(id: randomHex(bytes: 8), secret: randomHex(bytes: 32))
    }

    init(id: String, secret: String) {
        self.id = id
        self.secret = secret
    }

    /// Parses the text form; nil when it is not one.
    init?(parsing text: String) {
        guard text.hasPrefix(Self.prefix) else { return nil }
        let parts = text.dropFirst(Self.prefix.count).split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 16, parts[1].count == 64,
              parts.allSatisfy({ $0.allSatisfy(\.isHexDigit) }) else { return nil }
        self.init(id: String(parts[0]), secret: String(parts[1]))
    }

    var text: String { Self.prefix + id + "_" + secret }

    /// The stored form of the secret: SHA-256, hex.
    var secretHash: String { Self.hex(SHA256.hash(data: Data(secret.utf8))) }

    /// Whether the secret hashes to `storedHash`, compared in constant time so timing tells nothing about it.
    func matches(storedHash: String) -> Bool {
        let candidate = Array(secretHash.utf8), stored = Array(storedHash.utf8)
        guard candidate.count == stored.count else { return false }
        return zip(candidate, stored).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private static func randomHex(bytes: Int) -> String {
        hex(SymmetricKey(size: SymmetricKeySize(bitCount: bytes * 8)).withUnsafeBytes { Array($0) })
    }

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}
