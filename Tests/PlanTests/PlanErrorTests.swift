@testable import Plan
import Testing

/// Pins how plan errors read: the plan's name, the line when there is one, what to do, and a
/// stable payload-free code for each case.
@Suite struct PlanErrorTests {
    static let all: [PlanError] = [
        .invalidShard("9/4"),
        .notAPlan(file: "m.jsonl", reason: "its first line is not a cabatch plan header"),
        .damaged(file: "p.plan", line: 7, reason: "the line is not valid JSON"),
        .truncated(file: "p.plan", expected: 40, found: 39),
        .oldFormat(file: "p.plan", version: 1),
        .invalidRequest(file: "p.plan", line: 3, request: 2, rule: "it holds 0 versions; a request takes 1 to 100"),
        .sealBroken(file: "p.plan", line: 5, problem: "request 4: version is empty"),
        .sealBroken(file: "p.plan", line: nil, problem: nil),
        .rejectsPresent(count: 2),
    ]

    @Test func codesAreStable() {
        #expect(Self.all.map(\.code) == ["invalid-shard", "not-a-plan", "damaged-plan", "truncated-plan", "old-plan-format",
                                         "invalid-request", "seal-broken", "seal-broken", "rejects"])
    }

    @Test func messagesNameThePlanAndTheLine() {
        #expect(Self.all.map(\.description) == [
            "shard \"9/4\" is not I/N with 0 ≤ I < N (for example 0/4 … 3/4)",
            "m.jsonl is not a cabatch plan: its first line is not a cabatch plan header",
            "p.plan:7: damaged plan line: the line is not valid JSON; make the plan again with cabatch plan",
            "p.plan is truncated: the header promises 40 requests, the file holds 39; make the plan again",
            "p.plan is a format version 1 plan, which this cabatch no longer reads (it reads versions 2 to 3, whose requests are sealed); make the plan again with cabatch plan",
            "p.plan:3: request 2: it holds 0 versions; a request takes 1 to 100; make the plan again with cabatch plan",
            "p.plan:5: request 4: version is empty; the plan was changed after cabatch plan sealed it; make it again with cabatch plan",
            "p.plan: the request lines do not match the plan's seal (requestsSHA256 in its header): it was changed after cabatch plan sealed it; make it again with cabatch plan",
            "2 manifest lines rejected; no plan written (fix them, or plan the valid rows with --skip-invalid)",
        ])
        #expect(PlanError.rejectsPresent(count: 1).description.hasPrefix("1 manifest line rejected; "))
    }

    /// A broken seal words a line's problem after its own `file:line:`, without the file's name twice.
    @Test func aLinesProblemIsWordedWithoutTheFile() {
        #expect(PlanError.damaged(file: "p.plan", line: 7, reason: "x").lineProblem == "damaged plan line: x")
        #expect(PlanError.invalidRequest(file: "p.plan", line: 3, request: 2, rule: "r").lineProblem == "request 2: r")
        for error in Self.all where error.code != "damaged-plan" && error.code != "invalid-request" {
            #expect(error.lineProblem == nil, "\(error.code)")
        }
    }

    @Test func errorsCompareByTheirPayload() {
        #expect(PlanError.damaged(file: "p", line: 1, reason: "r") == .damaged(file: "p", line: 1, reason: "r"))
        #expect(PlanError.damaged(file: "p", line: 1, reason: "r") != .damaged(file: "p", line: 2, reason: "r"))
        #expect(PlanError.sealBroken(file: "p", line: nil, problem: nil) != .sealBroken(file: "p", line: 1, problem: "x"))
    }
}
