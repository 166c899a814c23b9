import CodeArtifact
import Foundation
import Testing

/// Pins `SharedConfigFile.parse`: `[profile x]` in config and `[x]` in credentials, comments,
/// nested blocks and lines outside a section skipped, keys lowercased, inline comments cut.
@Suite struct SharedConfigFileTests {
    static let config = """
        # a comment
        stray = outside any section
        [default]
        region = us-east-1
        [profile dev]
        Region=eu-west-1   # the Irish region
        s3 =
          max_concurrent_requests = 10
        aws_secret_access_key = a#b;c
        [profile  spaced ]
        region = ap-south-1
        [sso-session corp]
        sso_region = us-east-1
        [dev]
        region = ignored-in-config
        [broken
        region = nowhere
        ; another comment
        """

    @Test func configSectionsNeedTheProfilePrefix() {
        let file = SharedConfigFile.parse(Self.config, isConfig: true)
        #expect(file.profiles.keys.sorted() == ["default", "dev", "spaced"])
        #expect(file.profiles["default"] == ["region": "us-east-1"])
        #expect(file.profiles["dev"] == ["region": "eu-west-1", "s3": "", "aws_secret_access_key": "a#b;c"])
        #expect(file.profiles["spaced"] == ["region": "ap-south-1"])
    }

    @Test func credentialsSectionsAreBareNames() {
        let file = SharedConfigFile.parse("""
            [default]
            aws_access_key_id = AKID ; inline
            [profile dev]
            aws_access_key_id = AKIDDEV
            [empty]
            """, isConfig: false)
        #expect(file.profiles == ["default": ["aws_access_key_id": "AKID"], "profile dev": ["aws_access_key_id": "AKIDDEV"], "empty": [:]])
    }

    @Test func aRepeatedSectionAddsToTheFirstAndLaterKeysWin() {
        let file = SharedConfigFile.parse("[a]\nx = 1\ny = 1\n[b]\n[a]\ny = 2\r\n", isConfig: false)
        #expect(file.profiles["a"] == ["x": "1", "y": "2"])
    }

    @Test func aMissingFileIsEmpty() {
        #expect(SharedConfigFile.load(path: "/nonexistent/config", isConfig: true) == SharedConfigFile())
    }
}
