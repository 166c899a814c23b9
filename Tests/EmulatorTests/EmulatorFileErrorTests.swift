import Emulator
import Testing

/// Pins `EmulatorFileError`: stable codes and messages that name the file and, for an
/// invalid inventory, how many lines and which.
@Suite struct EmulatorFileErrorTests {
    @Test func codesAndMessages() {
        #expect(EmulatorFileError.cannotRead(path: "/a", reason: "gone").code == "cannot-read")
        #expect(EmulatorFileError.cannotRead(path: "/a", reason: "gone").description == "cannot read /a: gone")
        #expect(EmulatorFileError.cannotWrite(path: "/b", reason: "full").code == "cannot-write")
        #expect(EmulatorFileError.cannotWrite(path: "/b", reason: "full").description == "cannot write /b: full")
        let one = EmulatorFileError.invalidInventory(path: "inv.jsonl", rejects: 1, examples: ["line 3: bad"])
        #expect(one.code == "invalid-inventory")
        #expect(one.description == "inv.jsonl has 1 invalid line: line 3: bad")
        let many = EmulatorFileError.invalidInventory(path: "inv.jsonl", rejects: 7, examples: ["line 1: x", "line 2: y"])
        #expect(many.description == "inv.jsonl has 7 invalid lines: line 1: x; line 2: y")
    }
}
