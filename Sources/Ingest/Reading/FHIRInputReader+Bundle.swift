import CDMStore
import Foundation

extension FHIRInputReader {
    /// The items of a `.json` file: each `entry[].resource` of a Bundle, or the one resource the file holds.
    /// Returns the items and the uncompressed size of the file.
    static func bundleItems(of file: FHIRInputFile, chunkSize: Int) throws -> (items: [FHIRReadItem], byteCount: Int) {
        let bytes = try wholeFile(file.path, chunkSize: chunkSize)
        let location = SourceLocation(file: file.name, line: 1)
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            return ([.malformed(location, reason: error.description)], bytes.count)
        }
        guard document["resourceType"]?.string == "Bundle" else {
            return ([.resource(document, at: location, byteCount: bytes.count)], bytes.count)
        }
        let items = (document["entry"]?.elements ?? []).enumerated().map { position, entry -> FHIRReadItem in
            let entryLocation = SourceLocation(file: file.name, line: 1, entry: position + 1)
            guard let resource = entry["resource"] else {
                return .malformed(entryLocation, reason: "a Bundle entry without a resource")
            }
            return .resource(resource, at: entryLocation, byteCount: 0)
        }
        return (items, bytes.count)
    }

    /// A file's bytes, inflated when gzip'd: a Bundle is one JSON document and is parsed whole.
    private static func wholeFile(_ path: String, chunkSize: Int) throws -> [UInt8] {
        let source = try ByteSource(path: path)
        var bytes: [UInt8] = []
        let chunk = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: chunkSize)
        defer { chunk.deallocate() }
        while true {
            let count = try source.read(into: chunk)
            if count == 0 { return bytes }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[..<count]))
        }
    }
}
