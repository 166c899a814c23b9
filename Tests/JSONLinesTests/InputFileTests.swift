import JSONLines
import Testing

/// Pins how a file named on the command line reads: `-` is standard input, anything else a path.
@Suite struct InputFileTests {
    @Test func aDashIsStandardInput() {
        #expect(InputFile("-").isStandardInput)
        #expect(InputFile.standardInput == InputFile("-"))
        #expect(InputFile.standardInput.description == "standard input")
        #expect(InputFile.standardInput.name == "-")
    }

    @Test func anythingElseIsAPathAsWritten() {
        for name in ["m.jsonl", "./-", "--", "- ", "/tmp/-"] {
            #expect(!InputFile(name).isStandardInput, "\(name)")
            #expect(InputFile(name).description == name)
        }
        #expect(Set([InputFile("a"), InputFile("a"), InputFile("b")]).count == 2)
    }
}
