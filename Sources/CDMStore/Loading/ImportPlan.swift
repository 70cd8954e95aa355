import Foundation
import OMOP

/// What an import will load, worked out from a folder before anything is written.
public struct ImportPlan: Sendable {
    /// Which tables a folder may hold.
    public enum Kind: String, Sendable {
        /// Any CDM table: clinical, vocabulary and results (OHDSI, Eunomia and Synthea exports).
        case omop
        /// Only the vocabulary tables of an Athena download.
        case vocabulary
    }

    public let files: [TableFile]
    /// Files that were skipped, with why (v5.3-only tables, header-only files of unknown tables).
    public let warnings: [String]

    /// Plans the import of every `*.csv`/`*.tsv`/`*.txt` file (optionally `.gz`) in a folder, one
    /// file per table, named after the table in any case. Reads each file's header to check it.
    public init(directory: String, kind: Kind, ignoreExtraColumns: Bool = false) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ImportError(file: directory, reason: "no such folder")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        var byTable: [String: TableFile] = [:]
        var warnings: [String] = []
        for name in names {
            var base = name
            if base.lowercased().hasSuffix(".gz") { base = String(base.dropLast(3)) }
            let ext = (base as NSString).pathExtension.lowercased()
            guard ["csv", "tsv", "txt"].contains(ext) else { continue }
            let tableName = (base as NSString).deletingPathExtension.lowercased()
            let path = (directory as NSString).appendingPathComponent(name)
            if CDMSchema.Version53.droppedTables.contains(tableName) {
                warnings.append("\(name): skipped: table \(tableName) is CDM v5.3 only and has no place in v5.4")
                continue
            }
            guard let table = CDMSchema.v54.table(named: tableName) ?? CDMSchema.cohortResultsTables.first(where: { $0.name == tableName }) else {
                if try ImportPlan.hasDataRows(path: path) {
                    throw ImportError(file: name, reason: "no CDM v5.4 table is named \(tableName)")
                }
                warnings.append("\(name): skipped: no CDM v5.4 table is named \(tableName), and the file has no rows")
                continue
            }
            if kind == .vocabulary, table.group != .vocabulary {
                throw ImportError(file: name, reason: "\(table.name) is not a vocabulary table; use `optima import omop`")
            }
            if let earlier = byTable[table.name] {
                throw ImportError(file: name, reason: "a second file for table \(table.name) (the first is \((earlier.path as NSString).lastPathComponent))")
            }
            let reader = try TableFileReader(path: path, table: table, ignoreExtraColumns: ignoreExtraColumns)
            warnings += reader.warnings
            byTable[table.name] = TableFile(path: path, table: table)
        }
        let order = CDMSchema.v54.allTables.map(\.name)
        files = order.compactMap { byTable[$0] }
        guard !files.isEmpty else {
            throw ImportError(
                file: directory,
                reason: "holds no \(kind == .vocabulary ? "vocabulary" : "OMOP") table files (TABLE.csv or .tsv, optionally .gz)")
        }
        self.warnings = warnings
    }

    private static func hasDataRows(path: String) throws -> Bool {
        let reader = try CSVReader(source: try ByteSource(path: path), fileName: (path as NSString).lastPathComponent)
        _ = try reader.next()
        return try reader.next()
    }
}
