import CodeArtifact
import Testing

/// Pins `CredentialsError`: stable codes, every case fatal for the run and only an unreachable
/// source worth asking again, and messages that say what to do without any secret.
@Suite struct CredentialsErrorTests {
    static let all: [CredentialsError] = [
        .noCredentials(tried: ["environment", "profile default"]), .unreachable(provider: "container", reason: "connect_timeout"),
        .refused(provider: "web identity (arn)", httpStatus: 400, errorCode: "InvalidIdentityToken"),
        .malformedResponse(provider: "EC2 instance metadata"), .processFailed(profile: "p", exitStatus: 3),
        .unreadableFile(provider: "container", path: "/t"), .unsupported(profile: "p", setting: "role_arn"),
        .forbiddenContainerHost(host: "10.0.0.1"),
    ]

    @Test func codesAreStableAndDistinct() {
        #expect(Self.all.map(\.code) == ["no_credentials", "credentials_unreachable", "credentials_refused", "credentials_malformed",
                                         "credential_process_failed", "credentials_file_unreadable", "credentials_unsupported",
                                         "container_host_forbidden"])
    }

    @Test func everyCaseStopsTheRunAndOnlyUnreachableIsRetried() {
        #expect(Self.all.allSatisfy { $0.classification.scope == .run })
        #expect(Self.all.filter { $0.classification.isRetryable }.map(\.code) == ["credentials_unreachable"])
    }

    @Test func messagesSayWhatHappenedAndWhatToDo() {
        #expect(Self.all[0].description
            == "No AWS credentials found (tried environment, profile default); set AWS_PROFILE or AWS_ACCESS_KEY_ID, or run `aws configure`.")
        #expect(Self.all[1].description == "The container credential source could not be reached (connect_timeout).")
        #expect(Self.all[2].description == "The web identity (arn) credential source refused with HTTP 400 InvalidIdentityToken.")
        #expect(CredentialsError.refused(provider: "container", httpStatus: 401, errorCode: nil).description
            == "The container credential source refused with HTTP 401.")
        #expect(Self.all[4].description == "The credential_process of profile p failed with exit status 3.")
        #expect(Self.all[5].description == "The container credential source cannot read /t.")
        #expect(Self.all[6].description.hasPrefix("Profile p uses role_arn, which cabatch does not support yet;"))
        #expect(Self.all[7].description.hasPrefix("AWS_CONTAINER_CREDENTIALS_FULL_URI points to 10.0.0.1,"))
    }
}
