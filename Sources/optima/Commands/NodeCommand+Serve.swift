import ArgumentParser
import CDMStore
import Federation
import Foundation
import Governance
import OptimaServer

extension NodeCommand {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Answer coordinators' studies until SIGINT or SIGTERM (node.yaml: listen, TLS, signing key, coordinators, allow-list).",
            discussion: "Coordinators call with the API key of a `node` account: `optima user add NAME --role node --service`.")

        @OptionGroup var database: DatabaseOptions
        @Option(name: .customLong("config"), help: "The node's YAML configuration file.") var config: String
        @OptionGroup var secrets: SiteSecretsOptions

        func run() async throws {
            let configuration = try NodeConfiguration(contentsOf: URL(fileURLWithPath: config))
            let signingKey = try configuration.signingKey()
            let keys = try TokenVerificationKeys(secrets: try secrets.load())
            try await database.withDatabase { db in
                guard try await db.hasSchema() else {
                    throw ValidationError("\(db.location) holds no OMOP CDM: a node answers studies on its CDM (optima init, optima import)")
                }
                try await db.createGovernanceSchema()
                try await db.createStudyApprovalTables()
                let service = NodeService(database: db, configuration: configuration, signingKey: signingKey)
                let scheme = configuration.tls == nil ? "http" : "https"
                let app = try OptimaServer.makeNodeApplication(service: service, authenticator: Authenticator(database: db, keys: keys)) { port in
                    FileHandle.standardError.write(Data("node \(configuration.name) listening on \(scheme)://\(configuration.listen.host):\(port); signing key \(signingKey.publicKeyBase64)\n".utf8))
                }
                try await app.runService()
            }
        }
    }
}
