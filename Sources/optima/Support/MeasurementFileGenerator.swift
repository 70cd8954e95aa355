import Foundation
import ArgumentParser
import OMOP
import Synthetic

/// Writes a synthetic `MEASUREMENT.csv` of a given size for load benchmarks: plausible lab rows
/// (PSA, haemoglobin, creatinine, ...) over 100,000 persons, in CDM v5.4 column order.
enum MeasurementFileGenerator {
    /// The folder holding a file of `rows` rows, generated unless it is already there.
    static func folder(rows: Int, under root: String) throws -> String {
        let folder = (root as NSString).appendingPathComponent("measurement-\(rows)")
        let path = (folder as NSString).appendingPathComponent("MEASUREMENT.csv")
        if FileManager.default.fileExists(atPath: path) { return folder }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let partial = path + ".partial"
        guard FileManager.default.createFile(atPath: partial, contents: nil) else {
            throw ValidationError("cannot write \(partial)")
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: partial))
        let header = "measurement_id,person_id,measurement_concept_id,measurement_date,measurement_datetime,measurement_time,measurement_type_concept_id,operator_concept_id,value_as_number,value_as_concept_id,unit_concept_id,range_low,range_high,provider_id,visit_occurrence_id,visit_detail_id,measurement_source_value,measurement_source_concept_id,unit_source_value,unit_source_concept_id,value_source_value,measurement_event_id,meas_event_field_concept_id\n"
        var text = header
        // (concept, LOINC code, unit concept, unit, typical value, spread)
        let labs: [(Int, String, Int, String, Double, Double)] = [
            (3013603, "2857-1", 8842, "ng/mL", 6.5, 4), (3000963, "718-7", 8713, "g/dL", 13.5, 1.5),
            (3016723, "2160-0", 8840, "mg/dL", 1.0, 0.3), (3004501, "2345-7", 8840, "mg/dL", 98, 15),
            (3024128, "1742-6", 8645, "U/L", 28, 10), (3006923, "1920-8", 8645, "U/L", 25, 8),
        ]
        var generator = SyntheticRandom(seed: 20_261_126)  // the same file on every run
        for id in 1...max(rows, 1) {
            let lab = labs[generator.integer(in: 0...labs.count - 1)]
            let person = generator.integer(in: 1...100_000)
            let day = 14_610 + generator.integer(in: 0...5_478)  // 2010-01-01 … 2024-12-31
            let iso = CDMDate(daysSinceEpoch: day).description
            let hundredths = Int(((lab.4 + (generator.uniform() * 2 - 1) * lab.5) * 100).rounded())
            let value = "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
            text += "\(id),\(person),\(lab.0),\(iso),\(iso) 00:00:00,,32817,4172703,\(value),,\(lab.2),,,,\(id / 4 + 1),,\(lab.1),0,\(lab.3),,,,\n"
            if text.utf8.count > 1 << 20 {
                handle.write(Data(text.utf8))
                text = ""
            }
        }
        handle.write(Data(text.utf8))
        try handle.close()
        try FileManager.default.moveItem(atPath: partial, toPath: path)
        return folder
    }
}
