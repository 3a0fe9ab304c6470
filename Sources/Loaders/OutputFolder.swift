import Foundation

/// Creates the folders outputs go into, turning Foundation's error into a
/// `LoaderError` that names the folder.
enum OutputFolder {
    static func ensure(_ path: String) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw LoaderError.cannotCreateFolder(path: path, reason: "a file of that name is in the way")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw LoaderError.cannotCreateFolder(path: path, reason: reason(error))
        }
    }

    /// The path of `name` inside `folder`.
    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The parent folder of a file path ("." when it has none).
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain {
            return LoaderError.systemReason(Int32(underlying.code))
        }
        return nsError.localizedDescription
    }
}
