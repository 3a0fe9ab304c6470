import ArgumentParser
import CSCCore
import Extractors
import Transformers

extension CSCPipe {
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every rule: id, severity, message, tables.")

        /// Every rule the exception report can name, in the order a data team
        /// meets them: reading a file, then the values in it.
        static var all: [Rule] {
            Rule.inputRules + Rule.csvRules + Rule.ssda903Rules + Rule.ssda903XMLRules + SSDA903Integrity.rules
            + Rule.mappedRules + Rule.auditRules + Rule.annexARules
        }

        func run() throws {
            print("rule\tseverity\tmessage\ttables")
            for r in Self.all {
                print("\(r.id)\t\(r.severity.rawValue)\t\(r.message)\t\(r.tables.joined(separator: ","))")
            }
        }
    }
}
