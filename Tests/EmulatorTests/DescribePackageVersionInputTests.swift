@testable import Emulator
import SigV4
import Testing

/// Pins `DescribePackageVersionInput`: the version comes from `version` in the query but is
/// named `packageVersion` in refusals, as the model names it.
@Suite struct DescribePackageVersionInputTests {
    @Test func decodesTheTargetAndVersion() throws {
        let input = try DescribePackageVersionInput.decode(query: EmulatorFixture.query(extra: [QueryParameter("version", "1.0.0")])).get()
        #expect(input.target.package == "node" && input.version == "1.0.0")
    }

    @Test func aMissingVersionIsNamedAsTheModelNamesIt() {
        guard case .failure(let error) = DescribePackageVersionInput.decode(query: EmulatorFixture.query()) else {
            Issue.record("accepted"); return
        }
        #expect(error.message == "1 validation error detected: Value null at 'packageVersion' failed to satisfy constraint: Member must not be null")
    }
}
