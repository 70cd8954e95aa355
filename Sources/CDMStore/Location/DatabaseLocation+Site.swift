import Foundation

extension DatabaseLocation {
    /// The location of site `number` of a multi-site network derived from this one: `DIR/NAME-siteN.EXT`
    /// beside a SQLite file, or schema `SCHEMA_siteN` (just `siteN` for `public`) in the same PostgreSQL database.
    public func site(_ number: Int) -> DatabaseLocation {
        switch self {
        case .sqlite(let path):
            let url = URL(fileURLWithPath: path)
            let stem = url.deletingPathExtension().lastPathComponent
            let named = url.deletingLastPathComponent().appendingPathComponent("\(stem)-site\(number)")
            let file = url.pathExtension.isEmpty ? named : named.appendingPathExtension(url.pathExtension)
            let relative = (path as NSString).deletingLastPathComponent
            return .sqlite(path: relative.isEmpty ? file.lastPathComponent : relative + "/" + file.lastPathComponent)
        case .postgres(var location):
            location.schema = location.schema == "public" ? "site\(number)" : "\(location.schema)_site\(number)"
            return .postgres(location)
        }
    }
}
