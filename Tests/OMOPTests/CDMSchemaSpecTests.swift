import CDMTestSupport
import OMOP
import Testing

/// The schema table must be the official field-level specification, field by field.
@Suite struct CDMSchemaSpecTests {
    static let specPath = ReferenceDatasets.path("omop-spec/OMOP_CDMv5.4_Field_Level.csv")

    @Test func hasThirtyNineTablesAndFourHundredThirtyTwoFields() {
        #expect(CDMSchema.v54.tables.count == 39)
        #expect(CDMSchema.v54.tables.reduce(0) { $0 + $1.fields.count } == 432)
        #expect(CDMSchema.v54.table(named: "EPISODE_EVENT") != nil)
        #expect(CDMSchema.v54.tables.flatMap(\.fields).filter(\.isPrimaryKey).count == 28)
    }

    @Test(.enabled(if: ReferenceDatasets.isPresent("omop-spec"), "\(ReferenceDatasets.skipReason)"))
    func matchesTheSpecificationCSVFieldByField() throws {
        let rows = try SpecCSV.rows(path: Self.specPath).filter { !($0["cdmTableName"] ?? "").isEmpty }
        #expect(rows.count == 432)
        let fields = CDMSchema.v54.tables.flatMap { table in table.fields.map { (table.name, $0) } }
        #expect(fields.count == rows.count)
        for ((table, field), row) in zip(fields, rows) {
            let where_ = "\(row["cdmTableName"]!).\(row["cdmFieldName"]!)"
            #expect(table == row["cdmTableName"], "\(where_): table")
            #expect(field.name == row["cdmFieldName"]!.replacingOccurrences(of: "\"", with: ""), "\(where_): name")
            #expect(CDMDatatype(specification: row["cdmDatatype"]!) == field.datatype, "\(where_): datatype")
            #expect(field.isRequired == (row["isRequired"] == "Yes"), "\(where_): required")
            #expect(field.isPrimaryKey == (row["isPrimaryKey"] == "Yes"), "\(where_): primary key")
            #expect((field.foreignKey != nil) == (row["isForeignKey"] == "Yes"), "\(where_): foreign key")
            if let key = field.foreignKey {
                #expect(key.table == row["fkTableName"]!.lowercased(), "\(where_): foreign table")
                #expect(key.field == row["fkFieldName"]!.lowercased(), "\(where_): foreign field")
            }
        }
    }

    @Test func indicesNameExistingColumns() {
        for index in CDMSchema.standardIndices {
            let table = CDMSchema.v54.allTables.first { $0.name == index.table }
            #expect(table != nil, "\(index.name): table \(index.table)")
            for column in index.columns {
                #expect(table?.field(named: column) != nil, "\(index.name): column \(column)")
            }
        }
    }

    @Test func version53RenamesPointAtVersion54Fields() {
        for (tableName, renames) in CDMSchema.Version53.renamedColumns {
            let table = CDMSchema.v54.table(named: tableName)
            for (old, new) in renames {
                #expect(table?.field(named: new) != nil, "\(tableName).\(new)")
                #expect(table?.field(named: old) == nil, "\(tableName).\(old) must not be a v5.4 name")
            }
        }
    }

    @Test func parsesTheSpecificationsDatatypeSpellings() {
        #expect(CDMDatatype(specification: "Integer") == .integer)
        #expect(CDMDatatype(specification: "varchar(MAX)") == .varchar(nil))
        #expect(CDMDatatype(specification: "varchar(50)") == .varchar(50))
        #expect(CDMDatatype(specification: "blob") == nil)
        #expect(CDMDatatype.varchar(nil).description == "varchar(MAX)")
    }
}
