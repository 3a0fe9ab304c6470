import CSCCore
import Yams

/// Typed access to one YAML mapping, with errors that carry the key's line.
struct MappingReader {
    let mapping: Node.Mapping
    let file: String
    /// Prefix for key names in messages (`inputs[2].`).
    let context: String

    func node(_ key: String) -> Node? { mapping[key] }

    func line(of key: String) -> Int? {
        for (k, v) in mapping where k.string == key { return k.mark?.line ?? v.mark?.line }
        return nil
    }

    func string(_ key: String) throws(ConfigError) -> String? {
        guard let n = mapping[key] else { return nil }
        guard let s = n.scalar?.string else {
            throw ConfigError(file: file, line: n.mark?.line, key: context + key, message: "must be a single value, not a list or mapping")
        }
        return s
    }

    func int(_ key: String) throws(ConfigError) -> Int? {
        guard let s = try string(key) else { return nil }
        guard let n = Int(s) else {
            throw ConfigError(file: file, line: line(of: key), key: context + key, message: "`\(s)` is not a whole number")
        }
        return n
    }

    func rejectUnknownKeys(allowed: [String]) throws(ConfigError) {
        for (k, _) in mapping {
            let name = k.string ?? "?"
            if !allowed.contains(name) {
                let suggestion = allowed.min { editDistance($0, name) < editDistance($1, name) }
                let hint = suggestion.map { editDistance($0, name) <= 3 ? " (did you mean `\($0)`?)" : "" } ?? ""
                throw ConfigError(file: file, line: k.mark?.line, key: context + name,
                                  message: "unknown key\(hint); allowed here: \(allowed.joined(separator: ", "))")
            }
        }
    }
}

/// Edit distance ignoring case, for "did you mean" suggestions on short names.
func editDistance(_ a: String, _ b: String) -> Int {
    NearestNames.editDistance(a.lowercased(), b.lowercased())
}
