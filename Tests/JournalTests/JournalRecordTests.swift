@testable import Journal
import Model
import Testing

/// Pins the journal's records: each record's time, the run start's endpoint stripped of anything
/// secret, the run end's reasons and the header's format versions.
@Suite struct JournalRecordTests {
    typealias F = JournalFixture

    @Test func everyRecordHasItsTime() {
        #expect(F.header.time == F.epoch)
        #expect(F.runStart(5).time == F.at(5))
        #expect(F.intent(1, 1, 6, ["1.0.0"]).time == F.at(6))
        #expect(F.answer(1, 1, 7, []).time == F.at(7))
        #expect(JournalRecord.runEnd(RunEnd(time: F.at(8), reason: .completed)).time == F.at(8))
    }

    @Test(arguments: [
        ("https://user:secret@codeartifact.us-east-1.amazonaws.com/?X-Amz-Credential=AKID%2F", "https://codeartifact.us-east-1.amazonaws.com/"),
        ("http://127.0.0.1:4566", "http://127.0.0.1:4566"),
        ("https://host/path?token=abc#part", "https://host/path"),
        ("https://host#only-a-fragment", "https://host"),
        ("https://user@host", "https://host"),
        ("https://a@b:pw@host:8443/x", "https://host:8443/x"),
        ("https://host/path@not-userinfo", "https://host/path@not-userinfo"),
        ("host:4566?secret=1", "host:4566"),
        ("", ""),
    ])
    func theEndpointKeepsNoSecret(given: String, kept: String) {
        let start = RunStart(time: F.epoch, endpoint: given, region: "us-east-1", concurrency: 4, cabatchVersion: "0.1.0")
        #expect(start.endpoint == kept)
        #expect(RunStart.withoutSecrets(given) == kept)
    }

    @Test func runEndReasonsHaveStableNames() {
        #expect(RunEnd.Reason.allCases.map(\.rawValue) == ["completed", "interrupted", "failure-threshold", "fatal-error"])
        #expect(RunEnd(time: F.epoch, reason: .interrupted).message == nil)
    }

    @Test func theHeaderReadsEveryVersionUpToItsOwn() {
        #expect(JournalHeader.formatName == "cabatch-journal")
        #expect(JournalHeader.formatVersion == 2)
        #expect(JournalHeader.readableVersions == 1...2)
        #expect(JournalHeader.readableVersions.contains(JournalHeader.formatVersion))
    }

    @Test func recordsCompareByEveryMember() {
        #expect(F.intent(1, 1, 1, ["1.0.0"]) == F.intent(1, 1, 1, ["1.0.0"]))
        #expect(F.intent(1, 1, 1, ["1.0.0"]) != F.intent(1, 2, 1, ["1.0.0"]))
        #expect(F.intent(1, 1, 1, ["1.0.0"]) != F.intent(1, 1, 1, ["1.0.1"]))
        #expect(F.answer(1, 1, 1, throttled: true, []) != F.answer(1, 1, 1, []))
        let answer = AttemptAnswer(request: 1, attempt: 1, time: F.epoch, latencyMilliseconds: 5, httpStatus: 200,
                                   serviceRequestId: nil, results: [])
        #expect(answer.errorType == nil && answer.errorMessage == nil && !answer.throttled)
    }
}
