import Foundation

/// A file written in chunks under a temporary name and renamed into place by
/// `commit()`, so a reader never sees half a file and an interrupted run
/// leaves the previous one intact.
final class FileOutput {
    let path: String
    private let partialPath: String
    private let handle: FileHandle

    init(path: String) throws(SynthError) {
        self.path = path
        partialPath = path + ".partial"
        let fm = FileManager.default
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: directory, reason: error.localizedDescription)
        }
        guard fm.createFile(atPath: partialPath, contents: nil),
              let handle = FileHandle(forWritingAtPath: partialPath) else {
            throw .cannotWrite(path: partialPath, reason: "the file cannot be created")
        }
        self.handle = handle
    }

    func write(_ bytes: [UInt8]) throws(SynthError) {
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            throw .cannotWrite(path: partialPath, reason: error.localizedDescription)
        }
    }

    /// Closes the file and moves it to `path`, replacing any earlier one.
    func commit() throws(SynthError) {
        let fm = FileManager.default
        do {
            try handle.close()
            if fm.fileExists(atPath: path) { try fm.removeItem(atPath: path) }
            try fm.moveItem(atPath: partialPath, toPath: path)
        } catch {
            throw .cannotWrite(path: path, reason: error.localizedDescription)
        }
    }

    /// Closes and deletes the partial file after a failure.
    func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: partialPath)
    }
}
