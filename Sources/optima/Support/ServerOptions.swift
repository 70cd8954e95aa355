import ArgumentParser
import CDMStore
import Foundation
import Governance
import OptimaServer

/// What `serve` and `demo` share: where to listen, HTTPS files, and which identity providers to trust.
/// Every secret is named by a file path, never given as an argument a process list would show.
struct ServerOptions: ParsableArguments {
    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Option(name: .customLong("tls-cert"), help: "PEM certificate chain: serve HTTPS (with --tls-key).")
    var tlsCertificate: String?

    @Option(name: .customLong("tls-key"), help: "PEM private key of the certificate.")
    var tlsKey: String?

    @Option(name: .customLong("jwt-public-key"), help: "PEM public key (RS256/ES256) of an identity provider whose tokens are accepted; repeatable.")
    var jwtPublicKeys: [String] = []

    @Option(help: "Folder of federated study runs (optima study run --out FOLDER/NAME) for the studies page; default: studies beside an embedded database, when that folder exists.")
    var studies: String?

    @OptionGroup var secrets: SiteSecretsOptions

    func validate() throws {
        if (tlsCertificate == nil) != (tlsKey == nil) { throw ValidationError("--tls-cert and --tls-key go together") }
    }

    var tls: TLSFiles? {
        guard let tlsCertificate, let tlsKey else { return nil }
        return TLSFiles(certificateChain: tlsCertificate, privateKey: tlsKey)
    }

    var baseURL: String {
        "\(tls == nil ? "http" : "https")://\(host == "127.0.0.1" ? "localhost" : host):\(port)"
    }

    /// `--studies`, else `studies` in the folder of an embedded database when it exists (`optima-data/studies`).
    func studiesDirectory(beside location: DatabaseLocation) -> URL? {
        if let studies { return URL(fileURLWithPath: studies, isDirectory: true) }
        guard case .sqlite(let path) = location else { return nil }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("studies", isDirectory: true)
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) && isDirectory.boolValue ? folder : nil
    }

    /// Serves `db` until SIGINT or SIGTERM.
    func serve(_ db: any Database, secrets siteSecrets: SiteSecrets) async throws {
        let keys = try jwtPublicKeys.map { path in
            guard let data = FileManager.default.contents(atPath: path), let pem = String(data: data, encoding: .utf8) else {
                throw ValidationError("cannot read the public key file \(path)")
            }
            return pem
        }
        let security = try ServerSecurity(database: db, secrets: siteSecrets, publicKeyPEMs: keys)
        let app = try OptimaServer.makeApplication(database: db, security: security, host: host, port: port, tls: tls,
                                                   web: WebSettings(studiesDirectory: studiesDirectory(beside: db.location),
                                                                  minimumCount: try await db.siteMinimumCellCount()))
        try await app.runService()
    }
}
