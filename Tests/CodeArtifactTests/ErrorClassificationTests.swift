import CodeArtifact
import Testing

/// Pins `ErrorClassification`: an error's own classification wins, anything unclassified is a
/// passing fault of one request, only permanent failures are not retryable, and how each reads.
@Suite struct ErrorClassificationTests {
    struct Unclassified: Error {}

    struct Classified: ClassifiedError {
        var classification: ErrorClassification
        var code: String { "test" }
    }

    @Test func anErrorsOwnClassificationWins() {
        for retry in ErrorClassification.Retry.allCases {
            for scope in ErrorClassification.Scope.allCases {
                let own = ErrorClassification(retry: retry, scope: scope)
                #expect(ErrorClassification(of: Classified(classification: own)) == own)
            }
        }
        let expired = ServiceError(typeName: "ExpiredTokenException", message: nil, httpStatus: 403, requestID: nil, retryAfter: nil)
        #expect(ErrorClassification(of: expired) == ErrorClassification(retry: .permanent, scope: .run))
    }

    @Test func anUnclassifiedErrorIsAPassingFaultOfOneRequest() {
        #expect(ErrorClassification(of: Unclassified()) == ErrorClassification(retry: .transient, scope: .request))
        #expect(ErrorClassification(of: CancellationError()) == ErrorClassification(retry: .transient, scope: .request))
    }

    @Test func onlyPermanentFailuresAreNotRetryable() {
        #expect(ErrorClassification.Retry.allCases.filter { ErrorClassification(retry: $0, scope: .request).isRetryable }
            == [.throttling, .transient])
    }

    @Test func descriptionsSayHowFarAFailureReaches() {
        #expect(ErrorClassification(retry: .transient, scope: .run).description == "transient, fatal for the run")
        #expect(ErrorClassification(retry: .permanent, scope: .request).description == "permanent, fatal for the request")
        #expect(ErrorClassification(retry: .throttling, scope: .resource).description == "throttling, fatal for the repository or package")
    }
}
