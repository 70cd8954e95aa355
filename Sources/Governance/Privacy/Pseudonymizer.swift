import Crypto
import Foundation

/// Keyed pseudonyms of source identifiers (MRNs, FHIR ids): the same identifier always gives the same
/// pseudonym at one site, and nobody without the site's key can compute or reverse it (GDPR art. 4(5), 25).
public struct Pseudonymizer: Sendable {
    private struct Key: Sendable {
        let version: Int
        let key: SymmetricKey
        /// HMAC with the key already absorbed: copying it is far cheaper than keying anew for every
        /// identifier, which matters when an import pseudonymises every resource id.
        let keyed: HMAC<SHA256>

        init(version: Int, key: SymmetricKey) {
            self.version = version
            self.key = key
            keyed = HMAC<SHA256>(key: key)
        }
    }

    /// Newest first: the first makes new pseudonyms, the others still recognise old ones.
    private let keys: [Key]

    public init(secrets: SiteSecrets) {
        keys = secrets.pseudonymKeys.reversed().map { Key(version: $0.version, key: SymmetricKey(data: Data(base64Encoded: $0.key) ?? Data())) }
    }

    /// `k<version>-` and the first 20 bytes of HMAC-SHA256(current key, identifier) in lower-case hex:
    /// at most 44 characters, so it fits `person_source_value` (varchar(50)).
    public func pseudonym(_ sourceID: String) -> String {
        Self.pseudonym(sourceID, keys[0])
    }

    /// The identifier's pseudonym under every key, newest first (the first is `pseudonym(_:)`), so a person
    /// pseudonymised before a key rotation is still found.
    public func candidates(_ sourceID: String) -> [String] {
        keys.map { Self.pseudonym(sourceID, $0) }
    }

    /// A person's date shift in days, uniform in −maximumDays…+maximumDays; 0 when maximumDays is 0.
    /// Made with the site's first key, so a key rotation never moves a person's dates against rows
    /// loaded before it; the message differs from any pseudonym's, so the shift reveals nothing of one.
    public func dateShiftDays(forPerson key: String, maximumDays: Int) -> Int {
        guard maximumDays > 0, let first = keys.last else { return 0 }
        let code = HMAC<SHA256>.authenticationCode(for: Data(("date-shift:" + key).utf8), using: first.key)
        let number = code.withUnsafeBytes { bytes in bytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
        return Int(number % UInt64(2 * maximumDays + 1)) - maximumDays
    }

    private static func pseudonym(_ sourceID: String, _ key: Key) -> String {
        var hmac = key.keyed
        var identifier = sourceID
        identifier.withUTF8 { hmac.update(data: UnsafeRawBufferPointer($0)) }
        let code = hmac.finalize()
        let digits = Array("0123456789abcdef".utf8)
        var text = Array("k\(key.version)-".utf8)
        code.withUnsafeBytes { bytes in
            for byte in bytes.prefix(20) {
                text.append(digits[Int(byte >> 4)])
                text.append(digits[Int(byte & 15)])
            }
        }
        return String(decoding: text, as: UTF8.self)
    }
}
