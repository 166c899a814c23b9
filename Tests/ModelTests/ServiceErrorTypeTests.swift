import Model
import Testing

/// Pins the service's error types: wire names and HTTP statuses, the modelled ones as the service model says.
@Suite struct ServiceErrorTypeTests {
    /// Every error shape of the service model is a case, with the model's status.
    @Test func modelledErrorsAndStatusesAreTheServiceModels() throws {
        var modelled: [String: Int] = [:]
        for (name, shape) in try ServiceModel.shapes() {
            guard let shape = shape as? [String: Any], let error = shape["error"] as? [String: Any] else { continue }
            modelled[name] = error["httpStatusCode"] as? Int
        }
        #expect(modelled.count == 7)
        for (name, status) in modelled {
            let type = try #require(ServiceErrorType(rawValue: name), "\(name) is not a case")
            #expect(type.httpStatus == status, "\(name)")
        }
    }

    @Test func frontDoorErrorsHaveAWSsStatuses() {
        let statuses = Dictionary(uniqueKeysWithValues: ServiceErrorType.allCases.map { ($0.rawValue, $0.httpStatus) })
        #expect(statuses["InvalidSignatureException"] == 403)
        #expect(statuses["UnrecognizedClientException"] == 403)
        #expect(statuses["ExpiredTokenException"] == 403)
        #expect(statuses["MissingAuthenticationTokenException"] == 403)
        #expect(statuses["IncompleteSignatureException"] == 400)
        #expect(statuses["ServiceUnavailableException"] == 503)
        #expect(statuses["UnknownOperationException"] == 404)
    }

    @Test func wireNamesAreDistinctExceptionNames() {
        let names = ServiceErrorType.allCases.map(\.rawValue)
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { $0.hasSuffix("Exception") && $0.first?.isUppercase == true })
        #expect(ServiceErrorType(rawValue: "throttlingexception") == nil)
    }
}
