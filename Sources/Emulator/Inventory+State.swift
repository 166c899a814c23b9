import Foundation
import JSONLines

extension Inventory {
    /// The state file: one JSON line per inventory version with its status and delete count.
    public func stateLines() -> [UInt8] {
        let states = snapshot()
        var json = JSONWriter(capacity: states.count * 200)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(states.count * 200)
        for state in states {
            json = JSONWriter(capacity: 256)
            state.write(to: &json)
            bytes.append(contentsOf: json.bytes)
            bytes.append(0x0A)
        }
        return bytes
    }

    /// Writes the state file to `path`, replacing it whole so a reader never sees half of it.
    public func writeState(to path: String) throws(EmulatorFileError) {
        let url = URL(fileURLWithPath: path)
        do {
            try Data(stateLines()).write(to: url, options: .atomic)
        } catch {
            throw EmulatorFileError.cannotWrite(path: path, reason: error.localizedDescription)
        }
    }
}
