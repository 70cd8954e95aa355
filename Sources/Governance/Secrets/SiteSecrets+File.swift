import Foundation

extension SiteSecrets {
    /// Where the secrets live: `OPTIMA_SITE_SECRETS` when set, else `optima-data/site-secrets.json` under
    /// the current directory, beside (not inside) the default embedded CDM.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        environment["OPTIMA_SITE_SECRETS"].flatMap { $0.isEmpty ? nil : $0 } ?? "optima-data/site-secrets.json"
    }

    /// Reads the secrets file; the error names the file, never its content.
    public static func load(from path: String) throws -> SiteSecrets {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SiteSecretsError("no site secrets at \(path): run `optima init` (or set OPTIMA_SITE_SECRETS)")
        }
        do {
            let secrets = try JSONDecoder().decode(SiteSecrets.self, from: data)
            guard !secrets.pseudonymKeys.isEmpty,
                  secrets.pseudonymKeys.allSatisfy({ Data(base64Encoded: $0.key)?.count == 32 }),
                  Data(base64Encoded: secrets.tokenSigningKey)?.count == 32
            else { throw SiteSecretsError("\(path): every key must be 32 bytes of base64") }
            return secrets
        } catch let error as SiteSecretsError {
            throw error
        } catch {
            throw SiteSecretsError("\(path) is not a site secrets file (\(error.localizedDescription))")
        }
    }

    /// Reads the secrets file, or creates it with new keys when it does not exist.
    public static func loadOrCreate(at path: String) throws -> (secrets: SiteSecrets, created: Bool) {
        if FileManager.default.fileExists(atPath: path) { return (try load(from: path), false) }
        let secrets = generate()
        try secrets.write(to: path)
        return (secrets, true)
    }

    /// Writes the file atomically, readable by its owner only.
    public func write(to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: temporary.path, contents: try encoder.encode(self),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw SiteSecretsError("cannot write site secrets to \(path)")
        }
        if FileManager.default.fileExists(atPath: path) {
            _ = try FileManager.default.replaceItemAt(url, withItemAt: temporary)
        } else {
            try FileManager.default.moveItem(at: temporary, to: url)
        }
    }
}

/// A site secrets file that is missing, unreadable or malformed.
public struct SiteSecretsError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
