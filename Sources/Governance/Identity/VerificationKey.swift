import Foundation
import Crypto
import JWTKit

/// One key whose signatures `TokenVerificationKeys` accepts, with the one algorithm it verifies.
enum VerificationKey: Sendable {
    case site(HMACKey)
    case rsa(JWTKit.Insecure.RSA.PublicKey)
    case es256(ES256PublicKey)

    /// The `alg` header value of tokens this key verifies.
    var algorithm: String {
        switch self {
        case .site: "HS256"
        case .rsa: "RS256"
        case .es256: "ES256"
        }
    }

    /// The site's HS256 key, from its secrets file.
    static func siteKey(_ secrets: SiteSecrets) throws -> HMACKey {
        guard let bytes = Data(base64Encoded: secrets.tokenSigningKey), bytes.count == 32 else {
            throw IdentityError("the site's token signing key is not 32 bytes of base64")
        }
        return HMACKey(key: SymmetricKey(data: bytes))
    }

    /// A public key or certificate in PEM, P-256 (ES256) or RSA (RS256); `position` names it in the error.
    init(pem: String, position: Int) throws {
        let isCertificate = pem.contains("BEGIN CERTIFICATE")
        if let key = try? (isCertificate ? ES256PublicKey(certificate: pem) : ES256PublicKey(pem: pem)) {
            self = .es256(key)
        } else if let key = try? (isCertificate ? JWTKit.Insecure.RSA.PublicKey(certificatePEM: pem) : JWTKit.Insecure.RSA.PublicKey(pem: pem)) {
            self = .rsa(key)
        } else {
            throw IdentityError("public key \(position) is neither a P-256 (ES256) nor an RSA (RS256, 2048 bits or more) public key or certificate in PEM")
        }
    }

    /// A key collection holding only this key, so a token is checked against exactly the key chosen for it.
    func collection() async -> JWTKeyCollection {
        let keys = JWTKeyCollection()
        switch self {
        case .site(let key): await keys.add(hmac: key, digestAlgorithm: .sha256)
        case .rsa(let key): await keys.add(rsa: key, digestAlgorithm: .sha256)
        case .es256(let key): await keys.add(ecdsa: key)
        }
        return keys
    }
}
