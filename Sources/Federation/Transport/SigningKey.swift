import Crypto
import Foundation

/// An Ed25519 key that signs federation messages: a node signs its replies, the coordinator its requests, and
/// each side trusts only the public keys it was configured with.
public struct SigningKey: Sendable {
    let key: Curve25519.Signing.PrivateKey

    public init() {
        key = Curve25519.Signing.PrivateKey()
    }

    public init(rawRepresentation: Data) throws {
        do { key = try Curve25519.Signing.PrivateKey(rawRepresentation: rawRepresentation) } catch {
            throw FederationError("bad-key", "an Ed25519 signing key is 32 bytes, not \(rawRepresentation.count)")
        }
    }

    /// Reads a key file as `write(to:)` writes it: the 32 raw bytes in base64 text. Errors name the file, never
    /// its content.
    public init(file url: URL) throws {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw FederationError("bad-key", "\(url.path): the signing key file cannot be read (\(error.localizedDescription))")
        }
        guard let raw = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), raw.count == 32 else {
            throw FederationError("bad-key", "\(url.path): not a signing key (base64 of 32 bytes expected; make one with optima node keygen)")
        }
        try self.init(rawRepresentation: raw)
    }

    /// Writes the key as base64 text, readable by its owner only.
    public func write(to url: URL) throws {
        let text = key.rawRepresentation.base64EncodedString() + "\n"
        guard FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw FederationError("bad-key", "\(url.path): the signing key file cannot be written")
        }
    }

    /// The raw public key in base64: what the other side puts in its allow-list.
    public var publicKeyBase64: String { key.publicKey.rawRepresentation.base64EncodedString() }

    /// `payload` in a signed envelope (JSON `SignedEnvelope`) from `signer`, stamped now with a fresh nonce.
    public func seal(_ payload: Data, signer: String) throws -> Data {
        try seal(payload, signer: signer, at: Date())
    }

    /// As `seal(_:signer:)`, stamped at `date` (tests of stale messages).
    public func seal(_ payload: Data, signer: String, at date: Date) throws -> Data {
        guard !signer.isEmpty, !signer.contains(where: \.isNewline) else {
            throw FederationError("bad-signer", "a signer's name must be one line of text, not \(signer.debugDescription)")
        }
        var nonce = [UInt8](repeating: 0, count: 16)
        var generator = SystemRandomNumberGenerator()
        for index in nonce.indices { nonce[index] = generator.next() }
        var envelope = SignedEnvelope(signer: signer, timestamp: SignedEnvelope.timestamp(date),
                                      nonce: Data(nonce).base64EncodedString(), payload: payload.base64EncodedString(), signature: "")
        envelope.signature = try key.signature(for: envelope.signedMessage(payload: payload)).base64EncodedString()
        return try envelope.encoded()
    }
}
