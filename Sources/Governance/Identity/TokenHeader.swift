import Foundation

/// The JOSE header of a compact JWT, read before verification only to choose the keys of its algorithm.
struct TokenHeader: Decodable {
    let alg: String

    /// Nil when the token is not three base64url segments with a JSON header naming an algorithm.
    init?(token: String) {
        let segments = token.split(separator: ".", omittingEmptySubsequences: false)
        guard segments.count == 3, let data = Self.base64URLDecoded(segments[0]),
              let header = try? JSONDecoder().decode(TokenHeader.self, from: data) else { return nil }
        self = header
    }

    private static func base64URLDecoded(_ text: Substring) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
