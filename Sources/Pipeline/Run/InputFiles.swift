import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Expands an input's path or glob into the files it names, sorted by path
/// so the run reads them in the same order every night.
enum InputFiles {
    struct Match: Sendable {
        /// The path to open.
        let path: String
        /// The path as the analyst would write it: relative to the pipeline's
        /// folder when the pattern was, so reports match what the pipeline says.
        let displayName: String
    }

    static func expand(resolvedPattern: String, pattern: String) -> [Match] {
        var g = glob_t()
        defer { globfree(&g) }
        guard glob(resolvedPattern, 0, nil, &g) == 0 else { return [] }
        var paths: [String] = []
        for i in 0..<Int(g.gl_pathc) {
            if let p = g.gl_pathv[i] { paths.append(String(cString: p)) }
        }
        let prefix = String(resolvedPattern.dropLast(pattern.count))
        return paths.sorted().compactMap { path in
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue else { return nil }
            let display = pattern.hasPrefix("/") || !path.hasPrefix(prefix) ? path : String(path.dropFirst(prefix.count))
            return Match(path: path, displayName: display)
        }
    }
}
