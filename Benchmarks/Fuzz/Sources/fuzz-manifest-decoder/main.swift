// The manifest line decoder, differentially: every line must decode to the same row, or the same
// reject, through the fast path (`FlatJSONObject`) as through jansson alone, with and without the
// row before it. Prints at exit how many lines the fast path took, so that a run shows it was
// exercised. An input is a piece of a manifest: lines as the scanner hands them to the decoder.
import FuzzSupport
import Glibc

FuzzDriver.run(writeSeeds: { try ManifestDecoderFuzz.writeSeeds(to: $0, manifests: $1) }) { data, size in
    ManifestDecoderFuzz.test(FuzzDriver.input(data, size))
    return 0
}
