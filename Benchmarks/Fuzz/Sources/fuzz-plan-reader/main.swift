// The plan reader: any bytes in a plan file must give a plan or an error, never a crash.
//
// An input's first byte picks how the rest becomes the file: 0 as it is, 1 zstd-compressed (as
// plans are), 2 compressed after its header's `requestsSHA256` is set to the digest of the lines
// after it, so that mutated plans get past the seal to the checks behind it. Request lines that
// the reader decodes straight from their bytes must also decode the same through jansson.
import FuzzSupport

FuzzDriver.run(writeSeeds: { try PlanReaderFuzz.writeSeeds(to: $0, manifests: $1) }) { data, size in
    PlanReaderFuzz.test(FuzzDriver.input(data, size))
    return 0
}
