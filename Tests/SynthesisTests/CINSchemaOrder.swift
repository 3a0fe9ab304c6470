import CSCCore

/// The CIN census element sequences of one collection year, written out from
/// the XSDs independently of the writer, to check a file's structure without
/// xmllint.
struct CINSchemaOrder {
    private struct Sequence {
        var order: [String]
        var required: Set<String> = []
        var repeatable: Set<String> = []
    }

    private let sequences: [String: Sequence]

    init(year: CollectionYear) {
        let endYear = year.startYear + 1
        var cinDetails = ["CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate", "ReasonForClosure",
                          "DateOfInitialCPC", "Assessments"]
        if endYear >= 2022 { cinDetails.append("CINPlanDates") }
        cinDetails += ["Section47", "ReferralNFA", "ChildProtectionPlans"]
        let sex = endYear >= 2025 ? "Sex" : "GenderCurrent"
        sequences = [
            "Message": Sequence(order: ["Header", "Children"], required: ["Children"]),
            "Header": Sequence(order: ["CollectionDetails", "Source"], repeatable: ["Source"]),
            "CollectionDetails": Sequence(order: ["Collection", "Year", "ReferenceDate"]),
            "Source": Sequence(order: ["SourceLevel", "LEA", "SoftwareCode", "Release", "SerialNo", "DateTime"],
                               required: ["LEA"]),
            "Children": Sequence(order: ["Child"], required: ["Child"], repeatable: ["Child"]),
            "Child": Sequence(order: ["ChildIdentifiers", "ChildCharacteristics", "CINdetails"],
                              required: ["ChildIdentifiers", "ChildCharacteristics", "CINdetails"],
                              repeatable: ["CINdetails"]),
            "ChildIdentifiers": Sequence(
                order: ["LAchildID", "UPN", "FormerUPN", "UPNunknown", "PersonBirthDate", "ExpectedPersonBirthDate",
                        sex, "PersonDeathDate"],
                required: ["LAchildID", sex]),
            "ChildCharacteristics": Sequence(order: ["Ethnicity", "Disabilities"], required: ["Ethnicity"]),
            "Disabilities": Sequence(order: ["Disability"], required: ["Disability"], repeatable: ["Disability"]),
            "CINdetails": Sequence(order: cinDetails, required: ["CINreferralDate", "ReferralSource", "ReferralNFA"],
                                   repeatable: ["Assessments", "CINPlanDates", "Section47", "ChildProtectionPlans"]),
            "Assessments": Sequence(
                order: ["AssessmentActualStartDate", "AssessmentInternalReviewDate", "AssessmentAuthorisationDate",
                        "FactorsIdentifiedAtAssessment"],
                required: ["AssessmentActualStartDate"]),
            "FactorsIdentifiedAtAssessment": Sequence(order: ["AssessmentFactors"], required: ["AssessmentFactors"],
                                                      repeatable: ["AssessmentFactors"]),
            "CINPlanDates": Sequence(order: ["CINPlanStartDate", "CINPlanEndDate"], required: ["CINPlanStartDate"]),
            "Section47": Sequence(order: ["S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC", "ICPCnotRequired"],
                                  required: ["S47ActualStartDate", "ICPCnotRequired"]),
            "ChildProtectionPlans": Sequence(
                order: ["CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse",
                        "NumberOfPreviousCPP", "Reviews"],
                required: ["CPPstartDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse", "NumberOfPreviousCPP"]),
            "Reviews": Sequence(order: ["CPPreviewDate"], required: ["CPPreviewDate"], repeatable: ["CPPreviewDate"]),
        ]
    }

    /// Every place where the tree breaks the year's sequences, as messages.
    func problems(in root: XMLNode) -> [String] {
        var found: [String] = []
        if root.name != "Message" { found.append("root is \(root.name), not Message") }
        check(root, into: &found)
        return found
    }

    private func check(_ node: XMLNode, into found: inout [String]) {
        guard let seq = sequences[node.name] else {
            if !node.children.isEmpty { found.append("line \(node.line): \(node.name) should hold only text") }
            return
        }
        var lastIndex = -1
        var seen: Set<String> = []
        for child in node.children {
            guard let i = seq.order.firstIndex(of: child.name) else {
                found.append("line \(child.line): \(child.name) is not allowed in \(node.name)")
                continue
            }
            if i < lastIndex { found.append("line \(child.line): \(child.name) out of order in \(node.name)") }
            if seen.contains(child.name) && !seq.repeatable.contains(child.name) {
                found.append("line \(child.line): \(child.name) repeated in \(node.name)")
            }
            lastIndex = i
            seen.insert(child.name)
            check(child, into: &found)
        }
        for name in seq.required.sorted() where !seen.contains(name) {
            found.append("line \(node.line): \(node.name) lacks \(name)")
        }
    }
}
