import Model
import Testing

/// Pins the batch operations a plan can carry out and how reports name a version each one did.
@Suite struct BatchOperationTests {
    @Test func theDoneStateIsNamedAfterTheOperation() {
        #expect(BatchOperation.delete.doneName == "deleted")
    }

    @Test func deleteIsTheOnlyOperationAndKeepsItsName() {
        #expect(BatchOperation.allCases == [.delete])
        #expect(BatchOperation.delete.rawValue == "delete")
        #expect(BatchOperation(rawValue: "delete") == .delete)
        #expect(BatchOperation(rawValue: "Delete") == nil)
        #expect(BatchOperation(rawValue: "dispose") == nil)
    }
}
