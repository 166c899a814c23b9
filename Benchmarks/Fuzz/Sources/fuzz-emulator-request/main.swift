// The emulator's request handling on arbitrary requests: the signature check, the body's JSON
// reading and the request validation must answer, never crash; header names must match as
// `lowercased()` does, an `Authorization` header must read back as it renders, and what the
// signer signs the verifier must accept.
//
// An input is a request as text: a byte that says whether to sign it (odd: signed with the
// emulator's example key at the emulator's clock, so that it gets past the signature), then
// `METHOD TARGET`, header lines `Name: value`, an empty line and the body, each line ended by `\n`.
import FuzzSupport

FuzzDriver.run(writeSeeds: { seeds, _ in try EmulatorRequestFuzz.writeSeeds(to: seeds) }) { data, size in
    EmulatorRequestFuzz.test(FuzzDriver.input(data, size))
    return 0
}
