/// How a cohort era ends: a fixed offset from the index start or end, or the end of continuous
/// exposure to a drug concept set. Without one, at the end of the observation period.
public enum EndStrategy: Decodable, Sendable, Equatable {
    public enum DateField: Sendable, Equatable { case startDate, endDate }

    case dateOffset(field: DateField, offset: Int)
    case customEra(drugCodesetId: Int, gapDays: Int, offset: Int, daysSupplyOverride: Int?)

    private struct DateOffsetBody: Decodable {
        var field: DateField
        var offset: Int

        init(from decoder: any Decoder) throws {
            let o = try CirceObject(decoder)
            let text: String = try o("DateField") ?? "StartDate"
            switch text.lowercased() {
            case "startdate", "start_date": field = .startDate
            case "enddate", "end_date": field = .endDate
            default: throw o.invalid("DateField", "\"\(text)\" is not StartDate or EndDate")
            }
            offset = try o("Offset") ?? 0
        }
    }

    private struct CustomEraBody: Decodable {
        var drugCodesetId: Int
        var gapDays: Int
        var offset: Int
        var daysSupplyOverride: Int?

        init(from decoder: any Decoder) throws {
            let o = try CirceObject(decoder)
            guard let codeset: Int = try o("DrugCodesetId") else {
                throw o.invalid("DrugCodesetId", "a custom era exit needs the drug concept set (DrugCodesetId)")
            }
            drugCodesetId = codeset
            gapDays = try o("GapDays") ?? 0
            offset = try o("Offset") ?? 0
            daysSupplyOverride = try o("DaysSupplyOverride")
        }
    }

    public init(from decoder: any Decoder) throws {
        let o = try CirceObject(decoder)
        if let body: DateOffsetBody = try o("DateOffset") {
            self = .dateOffset(field: body.field, offset: body.offset)
        } else if let body: CustomEraBody = try o("CustomEra") {
            self = .customEra(drugCodesetId: body.drugCodesetId, gapDays: body.gapDays, offset: body.offset,
                              daysSupplyOverride: body.daysSupplyOverride)
        } else {
            throw o.invalid("DateOffset", "an end strategy needs DateOffset or CustomEra")
        }
    }
}
