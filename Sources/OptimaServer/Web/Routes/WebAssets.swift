import Foundation

/// The stylesheets and scripts of the web application, read once from the bundle and served from memory.
struct WebAssets: Sendable {
    struct Asset: Sendable {
        let data: Data
        let contentType: String
    }

    let files: [String: Asset]

    /// Every stylesheet, the base one first: the layout links them all, so a page area's rules need no wiring.
    var stylesheets: [String] {
        files.keys.filter { $0.hasSuffix(".css") }.sorted { ($0 == "optima.css" ? 0 : 1, $0) < ($1 == "optima.css" ? 0 : 1, $1) }
    }

    static func load() throws -> WebAssets {
        guard let folder = Bundle.module.url(forResource: "Assets", withExtension: nil) else { return WebAssets(files: [:]) }
        var files: [String: Asset] = [:]
        for url in try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil) {
            let type = switch url.pathExtension {
            case "css": "text/css; charset=utf-8"
            case "js": "text/javascript; charset=utf-8"
            case "svg": "image/svg+xml"
            case "png": "image/png"
            default: "application/octet-stream"
            }
            files[url.lastPathComponent] = Asset(data: try Data(contentsOf: url), contentType: type)
        }
        return WebAssets(files: files)
    }
}
