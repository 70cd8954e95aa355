import Foundation
import Governance

/// How the web application is set up at a site.
public struct WebSettings: Sendable {
    /// Where coordinator runs of federated studies keep their state and results (`optima study run --out`), shown on
    /// the studies page; nil shows only the studies announced to this node.
    public var studiesDirectory: URL?
    /// Counts below it are shown as "<N".
    public var minimumCount: Int
    /// Marks the session cookie `Secure`; set when the server speaks HTTPS.
    public var secureCookies: Bool

    public init(studiesDirectory: URL? = nil, minimumCount: Int = SmallCellCount.defaultMinimum, secureCookies: Bool = false) {
        self.studiesDirectory = studiesDirectory
        self.minimumCount = minimumCount
        self.secureCookies = secureCookies
    }
}
