import JSONLines

extension Inventory {
    /// The state file: one JSON line per inventory version with its status, delete and change counts.
    public func stateLines() -> [UInt8] {
        let states = snapshot()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(states.count * 200)
        for state in states {
            var json = JSONWriter(capacity: 256)
            state.write(to: &json)
            bytes.append(contentsOf: json.bytes)
            bytes.append(0x0A)
        }
        return bytes
    }

    /// Writes the state file to `path`, replacing it whole so a reader never sees half of it.
    public func writeState(to path: String) throws(EmulatorFileError) {
        do throws(FileError) {
            let file = try AtomicFile(path: path)
            try file.write(stateLines())
            try file.commit()
        } catch {
            throw EmulatorFileError.cannotWrite(path: path, reason: error.detail)
        }
    }
}
