// Journal reading and replay: any bytes in a journal must give a replay or an error, never a
// crash, whether read whole against a small plan (`JournalFile.replay`) or indexed and replayed a
// stretch at a time (`JournalIndex`).
//
// An input's first byte picks how the rest becomes the file: 0 as it is, 1 with a CRC member
// appended to each line (its `,"crc":"…"}`, over the line and a closing brace), so that mutated
// records get past the CRC to the decoder and the replay. Intent and answer lines decoded straight
// from their bytes must also decode the same through jansson.
import FuzzSupport

FuzzDriver.run(writeSeeds: { seeds, _ in try JournalReplayFuzz.writeSeeds(to: seeds) }) { data, size in
    JournalReplayFuzz.test(FuzzDriver.input(data, size))
    return 0
}
