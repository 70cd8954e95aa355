import Foundation
import OMOP

/// How the columns of one file map onto the fields of its CDM table.
///
/// Columns may come in any order and may be a subset: an absent nullable field loads as NULL,
/// an absent required field is an error (unless CDM v5.3 compatibility fills it). Header names
/// match case-insensitively; v5.3 names are renamed to v5.4 with a warning.
struct ColumnMapping {
    enum Source {
        /// The file column at this index.
        case column(Int)
        case null
        case fill(CDMSchema.Version53.Fill)
    }

    let table: CDMTable
    /// Per table field, in DDL order: where its value comes from.
    let sources: [Source]
    let warnings: [String]

    init(table: CDMTable, header: [String], fileName: String, ignoreExtraColumns: Bool) throws {
        self.table = table
        var warnings: [String] = []
        let renames = CDMSchema.Version53.renamedColumns[table.name] ?? [:]
        var indexByField: [String: Int] = [:]
        var extras: [String] = []
        for (index, rawName) in header.enumerated() {
            var name = rawName.trimmingCharacters(in: .whitespaces).lowercased()
            if name.hasPrefix("\"") && name.hasSuffix("\"") && name.count >= 2 { name = String(name.dropFirst().dropLast()) }
            if table.field(named: name) == nil, let renamed = renames[name] {
                warnings.append("\(fileName): column \(name) (CDM v5.3) loaded as \(renamed)")
                name = renamed
            }
            guard table.field(named: name) != nil else {
                extras.append(rawName)
                continue
            }
            if indexByField[name] != nil {
                throw ImportError(file: fileName, line: 1, field: name, reason: "column appears twice in the header")
            }
            indexByField[name] = index
        }
        if !extras.isEmpty {
            let list = extras.joined(separator: ", ")
            guard ignoreExtraColumns else {
                throw ImportError(
                    file: fileName, line: 1,
                    reason: "columns not in CDM v5.4 table \(table.name): \(list) (use --ignore-extra-columns to skip them)")
            }
            warnings.append("\(fileName): ignored columns not in \(table.name): \(list)")
        }
        let fills = CDMSchema.Version53.addedRequiredColumns[table.name] ?? [:]
        sources = try table.fields.map { field in
            if let index = indexByField[field.name] { return .column(index) }
            guard field.isRequired else { return .null }
            guard let fill = fills[field.name] else {
                throw ImportError(file: fileName, line: 1, field: field.name, reason: "required column is missing from the header")
            }
            warnings.append("\(fileName): required column \(field.name) (new in CDM v5.4) is missing; filled with \(fill.label)")
            return .fill(fill)
        }
        self.warnings = warnings
    }
}

extension CDMSchema.Version53.Fill {
    var label: String {
        switch self {
        case .noMatchingConcept: "concept 0 (No matching concept)"
        case .rowNumber: "the row number"
        }
    }
}
