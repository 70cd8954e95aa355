import Crypto
import Foundation

/// The mask two nodes share for one round, which both derive alone and nobody else can:
///
///     s_uv = X25519(sk_u, pk_v) = X25519(sk_v, pk_u)
///     k_uv = HKDF-SHA256(s_uv, salt: empty, info: "optima-secagg|" + round + "|" + min(u,v) + "|" + max(u,v)), 32 bytes
///     m_uv = the first 8·m bytes of the ChaCha20 keystream under k_uv (RFC 8439, 12-byte zero nonce, block
///            counter from 1), read as m little-endian UInt64
///
/// The keystream is taken as the ciphertext of `ChaChaPoly.seal` over zeros (the tag is dropped): a cryptographic
/// PRG with the full 256-bit key as its seed. The fixed nonce is safe because a key serves one round and one pair
/// only (the round id and both names are bound into it); re-deriving the same mask for a dropout correction gives
/// the same bytes, never a second stream under one key.
enum PairwiseMask {
    /// Node names in a fixed, locale-free order (their UTF-8 bytes), the same at every node.
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    static func info(round: String, _ a: String, _ b: String) -> String {
        let (low, high) = precedes(a, b) ? (a, b) : (b, a)
        return "optima-secagg|\(round)|\(low)|\(high)"
    }

    /// The 32-byte key node `node` shares with `peer` for `round`.
    static func key(node: String, key: MaskingKey, peer: String, peerPublicKeyBase64: String, round: String) throws -> SymmetricKey {
        guard let raw = Data(base64Encoded: peerPublicKeyBase64),
              let peerKey = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: raw) else {
            throw FederationError("secure-aggregation", "node \(peer)'s masking key in round \(round) is not a base64 X25519 public key")
        }
        let secret: SharedSecret
        do {
            secret = try key.privateKey.sharedSecretFromKeyAgreement(with: peerKey)
        } catch {
            // A low-order point gives an all-zero secret, which BoringSSL refuses: a forged key, not a peer's.
            throw FederationError("secure-aggregation", "node \(peer)'s masking key in round \(round) gives no shared secret with node \(node)")
        }
        return secret.hkdfDerivedSymmetricKey(using: SHA256.self, salt: Data(), sharedInfo: Data(info(round: round, node, peer).utf8),
                                              outputByteCount: 32)
    }

    /// The first `count` 64-bit words of the ChaCha20 keystream under `key`.
    static func stream(_ key: SymmetricKey, count: Int) throws -> [UInt64] {
        guard count > 0 else { return [] }
        let nonce = try ChaChaPoly.Nonce(data: Data(repeating: 0, count: 12))
        let sealed = try ChaChaPoly.seal(Data(repeating: 0, count: 8 * count), using: key, nonce: nonce)
        let bytes = sealed.ciphertext
        return [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { raw in
                for i in 0..<count {
                    buffer[i] = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self))
                }
            }
            initialized = count
        }
    }
}
