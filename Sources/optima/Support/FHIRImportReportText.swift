import Foundation
import Ingest

/// The mapping report as people read it: per resource type, then rows per table, unmapped codes and rejections.
struct FHIRImportReportText: CustomStringConvertible {
    let report: FHIRImportReport

    init(_ report: FHIRImportReport) {
        self.report = report
    }

    var description: String {
        var lines = ["  " + pad("resource", 26) + pad("read", 10, right: true) + pad("written", 10, right: true)
                     + pad("skipped", 10, right: true) + pad("rejected", 10, right: true)]
        for (type, counts) in report.resources.sorted(by: { $0.key < $1.key }) {
            lines.append("  " + pad(type, 26) + pad(counts.read.formatted(), 10, right: true) + pad(counts.written.formatted(), 10, right: true)
                         + pad(counts.skippedCount.formatted(), 10, right: true) + pad(counts.rejectedCount.formatted(), 10, right: true))
            for (reason, count) in counts.skipped.sorted(by: { $0.value > $1.value }) { lines.append("      skipped \(count.formatted()): \(reason)") }
            for (reason, count) in counts.rejected.sorted(by: { $0.value > $1.value }) { lines.append("      rejected \(count.formatted()): \(reason)") }
        }
        lines.append("Rows written:")
        for (table, rows) in report.rowsWritten.sorted(by: { $0.key < $1.key }) where rows > 0 {
            lines.append("  " + pad(table, 26) + pad(rows.formatted(), 10, right: true))
        }
        if !report.unmappedCodes.isEmpty {
            lines.append("Unmapped codes (\(report.unmappedCodeCount.formatted()) distinct, written with concept 0), most frequent:")
            for code in report.unmappedCodes.prefix(10) {
                lines.append("  \(pad(code.count.formatted(), 8, right: true))  \(code.system)|\(code.code)  \(code.display ?? "")")
            }
        }
        if !report.rejections.isEmpty {
            lines.append("Rejected (first \(min(report.rejections.count, 10))):")
            for rejection in report.rejections.prefix(10) { lines.append("  \(rejection.location): \(rejection.reason)") }
        }
        for file in report.skippedFiles { lines.append("Skipped file \(file.path): \(file.reason)") }
        let megabytes = Double(report.bytesRead) / 1_000_000
        let rate = report.seconds > 0 ? Double(report.resourcesRead) / report.seconds : 0
        lines.append("Read \(report.resourcesRead.formatted()) resources (\(String(format: "%.1f", megabytes)) MB) in \(String(format: "%.1f", report.seconds)) s "
                     + "(\(Int(rate).formatted()) resources/s, \(String(format: "%.1f", report.seconds > 0 ? megabytes / report.seconds : 0)) MB/s); "
                     + "\(report.modifiersLinked.formatted()) cancer modifiers linked, \(report.visitsMerged.formatted()) encounters merged into visits")
        return lines.joined(separator: "\n")
    }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        guard text.count < width else { return text + " " }
        let padding = String(repeating: " ", count: width - text.count)
        return right ? padding + text : text + padding
    }
}
