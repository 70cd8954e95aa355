import Crypto
import Foundation

/// Opens signed envelopes for one receiver: the signer must be on the allow-list, the signature must verify, the
/// timestamp must lie within ±`window` of now, and a nonce is accepted once within the window. Nonces are
/// remembered only after the signature verifies, so unsigned junk cannot fill the memory.
public actor ReplayGuard {
    private let window: Duration
    private let now: @Sendable () -> Date
    /// signer + nonce → the message's time; entries older than the window are forgotten (their messages are stale).
    private var seen: [String: Date] = [:]

    public init(window: Duration = .seconds(300), now: @escaping @Sendable () -> Date = { Date() }) {
        self.window = window
        self.now = now
    }

    /// The verified signer and payload. Throws `FederationError` "bad-envelope", "unknown-signer", "bad-signature",
    /// "stale-message" or "replayed-message"; the message names the signer and the rule, never the payload.
    /// - Parameter keys: signer name → raw Ed25519 public key, base64.
    public func open(_ envelope: Data, trusting keys: [String: String]) throws -> (signer: String, payload: Data) {
        guard let sealed = try? JSONDecoder().decode(SignedEnvelope.self, from: envelope) else {
            throw FederationError("bad-envelope", "the message is not a signed envelope (JSON with signer, timestamp, nonce, payload, signature)")
        }
        let signer = String(sealed.signer.prefix(64))
        guard let keyText = keys[sealed.signer] else {
            throw FederationError("unknown-signer", "\(signer.debugDescription) is not a trusted signer here")
        }
        guard let keyData = Data(base64Encoded: keyText), let key = try? Curve25519.Signing.PublicKey(rawRepresentation: keyData) else {
            throw FederationError("unknown-signer", "the configured public key of \(signer.debugDescription) is not a base64 Ed25519 key")
        }
        guard let payload = Data(base64Encoded: sealed.payload), let signature = Data(base64Encoded: sealed.signature),
              key.isValidSignature(signature, for: sealed.signedMessage(payload: payload)) else {
            throw FederationError("bad-signature", "the signature of a message from \(signer.debugDescription) does not verify")
        }
        let current = now()
        let seconds = Double(window.components.seconds) + Double(window.components.attoseconds) * 1e-18
        guard let time = SignedEnvelope.date(sealed.timestamp), abs(time.timeIntervalSince(current)) <= seconds else {
            throw FederationError("stale-message", "a message from \(signer.debugDescription) is stamped \(sealed.timestamp.prefix(40)), outside ±\(Int(seconds)) s of this clock")
        }
        seen = seen.filter { abs($0.value.timeIntervalSince(current)) <= seconds }
        let id = sealed.signer + "\n" + sealed.nonce
        guard seen[id] == nil else {
            throw FederationError("replayed-message", "a message from \(signer.debugDescription) repeats a nonce already seen")
        }
        seen[id] = time
        return (sealed.signer, payload)
    }
}
