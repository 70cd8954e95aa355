import CDMTestSupport
import Foundation
import Testing

@testable import CDMStore

/// The reader must give the same records whatever the chunk boundaries fall on.
@Suite struct CSVReaderTests {
    static let text = "a,b,c\r\n1,\"x, \"\"quoted\"\"\",3\n\n\"multi\nline\",,\"\"\r\n4,5,\"end\"\"\""

    static let expected = [
        ["a", "b", "c"],
        ["1", "x, \"quoted\"", "3"],
        ["multi\nline", "", ""],
        ["4", "5", "end\""],
    ]

    func records(_ text: String, chunkSize: Int) throws -> (records: [[String]], lines: [Int]) {
        let path = try TestDatabases.temporaryDirectory() + "/t.csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let reader = try CSVReader(source: ByteSource(path: path), fileName: "t.csv", chunkSize: chunkSize)
        var records: [[String]] = []
        var lines: [Int] = []
        while try reader.next() {
            records.append((0..<reader.fieldCount).map(reader.fieldString))
            lines.append(reader.line)
        }
        return (records, lines)
    }

    @Test(arguments: [1, 2, 3, 5, 7, 11, 64, 1 << 20])
    func sameRecordsForEveryChunkSize(_ chunkSize: Int) throws {
        let result = try records(Self.text, chunkSize: chunkSize)
        #expect(result.records == Self.expected)
        #expect(result.lines == [1, 2, 4, 6])
    }

    @Test func tabSeparatedFilesHaveNoQuoting() throws {
        let result = try records("id\tname\n1\tsay \"hi\n2\t\"x\"\n", chunkSize: 1 << 20)
        #expect(result.records == [["id", "name"], ["1", "say \"hi"], ["2", "\"x\""]])
    }

    @Test func aByteOrderMarkIsNotPartOfTheFirstName() throws {
        let result = try records("\u{FEFF}person_id,year_of_birth\n1,1950", chunkSize: 1 << 20)
        #expect(result.records == [["person_id", "year_of_birth"], ["1", "1950"]])
    }
}
