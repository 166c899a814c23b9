import Model
import Testing

/// Pins the batch operations a plan can carry out and how reports name a version each one did.
@Suite struct BatchOperationTests {
    @Test func theDoneStateIsNamedAfterTheOperation() {
        #expect(BatchOperation.allCases.map(\.doneName) == ["deleted", "archived", "unlisted", "restored", "disposed"])
    }

    @Test func eachOperationIsItsAPICallAndTargetStatus() {
        #expect(BatchOperation.allCases.map(\.rawValue) == ["delete", "archive", "unlist", "restore", "dispose"])
        #expect(BatchOperation.allCases.map(\.apiName) == ["DeletePackageVersions", "UpdatePackageVersionsStatus",
                                                            "UpdatePackageVersionsStatus", "UpdatePackageVersionsStatus",
                                                            "DisposePackageVersions"])
        #expect(BatchOperation.allCases.map(\.targetStatus) == [.deleted, .archived, .unlisted, .published, .disposed])
        #expect(BatchOperation.allCases.filter(\.isIrreversible) == [.delete, .dispose])
        // DeletePackageVersions has no versionRevisions member.
        #expect(BatchOperation.allCases.filter { !$0.takesRevisions } == [.delete])
        #expect(BatchOperation(rawValue: "Delete") == nil)
    }

    @Test func plansOfFormatTwoNamedTheAPICall() {
        #expect(BatchOperation(planName: "DeletePackageVersions") == .delete)
        #expect(BatchOperation(planName: "archive") == .archive)
        #expect(BatchOperation(planName: "UpdatePackageVersionsStatus") == nil, "which target status is not known")
        #expect(BatchOperation(planName: "shred") == nil)
    }
}
