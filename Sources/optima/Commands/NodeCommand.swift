import ArgumentParser

/// `optima node`: run this site as a data station of a federated network, and let its steward approve studies.
struct NodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "node",
        abstract: "Run the site as a federated-network node (data station); review and approve studies; make its signing key.",
        subcommands: [Serve.self, Approve.self, Studies.self, Keygen.self],
        defaultSubcommand: Serve.self)
}
