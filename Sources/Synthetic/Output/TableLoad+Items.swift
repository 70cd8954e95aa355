import CDMStore
import OMOP

extension TableLoad {
    /// A load of a few rows made from an array, one row per item.
    static func items<Item: Sendable>(
        _ tableName: String, _ items: [Item], fill: @escaping @Sendable (Item, inout RowBuilder) -> Void
    ) -> TableLoad {
        let table = CDMSchema.v54.table(named: tableName)!
        return TableLoad(table: table) {
            var index = 0
            return GeneratedRows(table: table, name: "generated \(tableName) rows") { builder in
                guard index < items.count else { return false }
                fill(items[index], &builder)
                index += 1
                return true
            }
        }
    }
}
