import ArgumentParser
import Governance

/// The `--secrets` option of commands that pseudonymise or sign: a path, never a secret itself, so no
/// key shows in a process list.
struct SiteSecretsOptions: ParsableArguments {
    @Option(name: .customLong("secrets"), help: "The site secrets file (default: OPTIMA_SITE_SECRETS, else optima-data/site-secrets.json).")
    var path: String?

    var resolvedPath: String { path ?? SiteSecrets.defaultPath() }

    /// The site's secrets; an error naming the file when they are missing.
    func load() throws -> SiteSecrets {
        try SiteSecrets.load(from: resolvedPath)
    }

    /// The site's secrets, created on first use (by `optima init` and `optima demo`).
    func loadOrCreate() throws -> (secrets: SiteSecrets, created: Bool) {
        try SiteSecrets.loadOrCreate(at: resolvedPath)
    }
}
