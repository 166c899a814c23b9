@testable import Emulator
import Foundation
import Model
import Testing

/// Pins `RequestLogEntry.jsonLine`: one line per request, members in a fixed order, empty
/// lists left out, `status` and `fault` always present (`null` when none).
@Suite struct RequestLogEntryTests {
    @Test func aFullEntry() {
        let entry = RequestLogEntry(
            time: Date(timeIntervalSince1970: 1_767_225_600.1239), requestID: "req-1", operation: "DeletePackageVersions",
            package: PackageKey(domain: "acme", repository: "npm-store", format: .npm, namespace: "types", package: "node"),
            versions: ["1", "2"], status: 200, errorCode: nil, outcomes: [("1", "Deleted"), ("2", "NOT_FOUND")], fault: "lost-500")
        #expect(String(decoding: entry.jsonLine(), as: UTF8.self)
            == #"{"time":"2026-01-01T00:00:00.123Z","requestId":"req-1","operation":"DeletePackageVersions","#
            + #""package":"acme/npm-store/npm/types/node","versions":["1","2"],"status":200,"#
            + #""outcomes":{"1":"Deleted","2":"NOT_FOUND"},"fault":"lost-500"}"# + "\n")
    }

    @Test func aConnectionClosedWithoutAnAnswer() {
        let entry = RequestLogEntry(time: Date(timeIntervalSince1970: 0), requestID: "req-2", operation: nil, package: nil, versions: [],
                                    status: nil, errorCode: nil, outcomes: [], fault: "reset")
        #expect(String(decoding: entry.jsonLine(), as: UTF8.self)
            == #"{"time":"1970-01-01T00:00:00.000Z","requestId":"req-2","status":null,"fault":"reset"}"# + "\n")
    }

    @Test func anErrorAnswer() {
        let entry = RequestLogEntry(time: Date(timeIntervalSince1970: 0), requestID: "r", operation: "ListPackages", package: nil,
                                    versions: [], status: 429, errorCode: "ThrottlingException", outcomes: [], fault: nil)
        let line = String(decoding: entry.jsonLine(), as: UTF8.self)
        #expect(line.hasSuffix(#""status":429,"error":"ThrottlingException","fault":null}"# + "\n"))
        #expect(line.filter { $0 == "\n" }.count == 1)
    }
}
