/// One domain criterion, written in Circe as a one-key object naming its type, e.g. `{"ConditionOccurrence": {…}}`.
public indirect enum Criteria: Decodable, Sendable, Equatable {
    case conditionOccurrence(ConditionOccurrenceCriteria)
    case conditionEra(ConditionEraCriteria)
    case death(DeathCriteria)
    case deviceExposure(DeviceExposureCriteria)
    case doseEra(DoseEraCriteria)
    case drugEra(DrugEraCriteria)
    case drugExposure(DrugExposureCriteria)
    case locationRegion(LocationRegionCriteria)
    case measurement(MeasurementCriteria)
    case observation(ObservationCriteria)
    case observationPeriod(ObservationPeriodCriteria)
    case payerPlanPeriod(PayerPlanPeriodCriteria)
    case procedureOccurrence(ProcedureOccurrenceCriteria)
    case specimen(SpecimenCriteria)
    case visitOccurrence(VisitOccurrenceCriteria)
    case visitDetail(VisitDetailCriteria)

    public init(from decoder: any Decoder) throws {
        let o = try CirceObject(decoder)
        guard o.names.count == 1, let name = o.names.first else {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: decoder.codingPath,
                debugDescription: "a criterion is an object with one key naming its type, found \(o.names.count) keys"))
        }
        switch name.lowercased() {
        case "conditionoccurrence": self = .conditionOccurrence(try o.decode(ConditionOccurrenceCriteria.self, named: name))
        case "conditionera": self = .conditionEra(try o.decode(ConditionEraCriteria.self, named: name))
        case "death": self = .death(try o.decode(DeathCriteria.self, named: name))
        case "deviceexposure": self = .deviceExposure(try o.decode(DeviceExposureCriteria.self, named: name))
        case "doseera": self = .doseEra(try o.decode(DoseEraCriteria.self, named: name))
        case "drugera": self = .drugEra(try o.decode(DrugEraCriteria.self, named: name))
        case "drugexposure": self = .drugExposure(try o.decode(DrugExposureCriteria.self, named: name))
        case "locationregion": self = .locationRegion(try o.decode(LocationRegionCriteria.self, named: name))
        case "measurement": self = .measurement(try o.decode(MeasurementCriteria.self, named: name))
        case "observation": self = .observation(try o.decode(ObservationCriteria.self, named: name))
        case "observationperiod": self = .observationPeriod(try o.decode(ObservationPeriodCriteria.self, named: name))
        case "payerplanperiod": self = .payerPlanPeriod(try o.decode(PayerPlanPeriodCriteria.self, named: name))
        case "procedureoccurrence": self = .procedureOccurrence(try o.decode(ProcedureOccurrenceCriteria.self, named: name))
        case "specimen": self = .specimen(try o.decode(SpecimenCriteria.self, named: name))
        case "visitoccurrence": self = .visitOccurrence(try o.decode(VisitOccurrenceCriteria.self, named: name))
        case "visitdetail": self = .visitDetail(try o.decode(VisitDetailCriteria.self, named: name))
        default: throw o.invalid(name, "\"\(name)\" is not a criteria type")
        }
    }
}
