import Foundation

/// The third-party reference data folder: `OPTIMA_REFERENCE_DATA`, else `../shared/data`.
enum ReferenceData {
    static var root: String {
        ProcessInfo.processInfo.environment["OPTIMA_REFERENCE_DATA"] ?? "../shared/data"
    }

    /// The path of a dataset folder, when it is there.
    static func dataset(_ name: String) -> String? {
        let path = (root as NSString).appendingPathComponent(name)
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue ? path : nil
    }
}
