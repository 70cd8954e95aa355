import CDMStore
import Foundation

/// The files behind the paths given to an import, in load order, and those it leaves out with the reason.
struct FHIRInputDiscovery {
    private(set) var files: [FHIRInputFile] = []
    private(set) var skipped: [(path: String, reason: String)] = []

    /// Resource types in the order their files are read, so that the resources a reference points at
    /// (organizations, practitioners, patients, encounters) are loaded before the ones that point.
    static let loadOrder = [
        "Organization", "Location", "Practitioner", "PractitionerRole", "Patient", "Encounter", "Condition",
        "Procedure", "Medication", "MedicationRequest", "MedicationAdministration", "MedicationStatement",
        "Immunization", "AllergyIntolerance", "Device", "Observation", "DiagnosticReport",
    ]

    /// Synthea writes the organizations and practitioners every patient Bundle refers to in Bundles of their own.
    static let sharedBundlePrefixes = ["hospitalInformation", "practitionerInformation"]

    static let expectedExtensions = "expected .ndjson, .ndjson.gz, .json or .json.gz"

    init(paths: [String]) throws {
        var seen = Set<String>()
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw ImportError(file: path, reason: "does not exist")
            }
            let found = isFolder.boolValue ? try folderFiles(path) : [try explicitFile(path)].compactMap { $0 }
            for file in found where seen.insert((file.path as NSString).standardizingPath).inserted {
                files.append(file)
            }
        }
        files.sort(by: Self.loadsBefore)
    }

    /// A file named on the command line: it must be a FHIR input.
    private mutating func explicitFile(_ path: String) throws -> FHIRInputFile? {
        let name = (path as NSString).lastPathComponent
        guard let kind = Self.kind(ofName: name) else {
            throw ImportError(file: path, reason: "is not a FHIR input file: \(Self.expectedExtensions)")
        }
        if Self.isBulkExportLog(name) {
            skipped.append((path, "a bulk-export log, not resources"))
            return nil
        }
        return FHIRInputFile(path: path, kind: kind, size: try Self.size(of: path))
    }

    /// The FHIR inputs directly inside a folder. Beside NDJSON (a bulk export), `.json` files are the
    /// export's metadata (a manifest, a description) and are left out; a folder of `.json` only is
    /// Synthea's Bundles.
    private mutating func folderFiles(_ folder: String) throws -> [FHIRInputFile] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        let kinds = names.map(Self.kind(ofName:))
        let holdsNDJSON = kinds.contains(.ndjson)
        var found: [FHIRInputFile] = []
        for (name, kind) in zip(names, kinds) {
            let path = (folder as NSString).appendingPathComponent(name)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                skipped.append((path, "a folder (folders inside are not read)"))
            } else if name.hasPrefix(".") {
                skipped.append((path, "a hidden file"))
            } else if let kind {
                if Self.isBulkExportLog(name) {
                    skipped.append((path, "a bulk-export log, not resources"))
                } else if kind == .bundle && holdsNDJSON {
                    skipped.append((path, "a .json file beside NDJSON files: bulk-export metadata, not resources"))
                } else {
                    found.append(FHIRInputFile(path: path, kind: kind, size: try Self.size(of: path)))
                }
            } else {
                skipped.append((path, "not a FHIR input: \(Self.expectedExtensions)"))
            }
        }
        return found
    }

    static func kind(ofName name: String) -> FHIRInputFile.Kind? {
        let lowered = name.lowercased()
        if lowered.hasSuffix(".ndjson") || lowered.hasSuffix(".ndjson.gz") { return .ndjson }
        if lowered.hasSuffix(".json") || lowered.hasSuffix(".json.gz") { return .bundle }
        return nil
    }

    /// Bulk data exports write their progress log as `log.ndjson` beside the resources.
    private static func isBulkExportLog(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered == "log.ndjson" || lowered == "log.ndjson.gz"
    }

    private static func size(of path: String) throws -> Int64 {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.size] as? NSNumber)?.int64Value ?? 0
    }

    /// NDJSON by resource type in `loadOrder` (other types after, alphabetically), then Bundles: Synthea's
    /// shared organization and practitioner Bundles first, the rest by name.
    static func loadsBefore(_ lhs: FHIRInputFile, _ rhs: FHIRInputFile) -> Bool {
        let left = sortKey(lhs), right = sortKey(rhs)
        if left.group != right.group { return left.group < right.group }
        if left.rank != right.rank { return left.rank < right.rank }
        if left.type != right.type { return left.type < right.type }
        return lhs.name < rhs.name
    }

    private static func sortKey(_ file: FHIRInputFile) -> (group: Int, rank: Int, type: String) {
        let name = file.name
        switch file.kind {
        case .ndjson:
            let type = String(name.prefix { $0 != "." })
            return (0, loadOrder.firstIndex(of: type) ?? loadOrder.count, type)
        case .bundle:
            let shared = sharedBundlePrefixes.contains { name.hasPrefix($0) }
            return (shared ? 1 : 2, 0, "")
        }
    }
}
