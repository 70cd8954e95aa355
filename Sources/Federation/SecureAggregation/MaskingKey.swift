import Crypto
import Foundation

/// A node's X25519 key pair for one study's masking rounds (kept in the node's memory for the study).
///
/// The public half travels in the node's `StudyAnnouncement`; the coordinator relays it to the other nodes in each
/// `MaskingRound`. The private half never leaves the node: every pairwise mask is derived from it and a peer's
/// public key, so the coordinator, which sees both public keys but neither private key, cannot compute a mask.
public struct MaskingKey: Sendable {
    let privateKey: Curve25519.KeyAgreement.PrivateKey

    /// A fresh key pair from the system's cryptographic random source.
    public init() {
        privateKey = Curve25519.KeyAgreement.PrivateKey()
    }

    /// A key pair from its 32-byte private key (for a node that keeps its key across restarts, and for test vectors).
    public init(rawPrivateKey: Data) throws {
        do {
            privateKey = try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: rawPrivateKey)
        } catch {
            throw FederationError("secure-aggregation", "a masking key's private key must be 32 bytes of X25519, not \(rawPrivateKey.count) bytes")
        }
    }

    /// The raw 32-byte X25519 public key, base64: what a node announces and a `MaskingRound` lists.
    public var publicKeyBase64: String {
        privateKey.publicKey.rawRepresentation.base64EncodedString()
    }
}
