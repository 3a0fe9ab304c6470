import CSCCore
import Foundation

/// The file an XML return streams into, chunk by chunk, through `XMLByteWriter`.
final class XMLReturnFile: XMLByteOutput {
    let path: String
    private let handle: FileHandle

    /// Creates (or empties) the file, and its folder if needed.
    init(path: String) throws(LoaderError) {
        self.path = path
        do {
            try OutputFolder.ensure(OutputFolder.parent(of: path))
        } catch let error as LoaderError {
            throw error
        } catch {
            throw .cannotCreateFolder(path: OutputFolder.parent(of: path), reason: "\(error)")
        }
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw .cannotWrite(path: path, reason: "the file cannot be created")
        }
        self.handle = handle
    }

    func write(_ bytes: [UInt8]) throws(LoaderError) {
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            throw .cannotWrite(path: path, reason: error.localizedDescription)
        }
    }

    /// Closes the file; a full disk may show only now.
    func close() throws(LoaderError) {
        do {
            try handle.close()
        } catch {
            throw .cannotWrite(path: path, reason: error.localizedDescription)
        }
    }
}
