import CSCCore

/// The elements of the CIN census schema (all years 2017–2026, formats.md §1.2),
/// with where each may appear and which canonical table its data feeds.
enum CINElement: String, CaseIterable, Sendable {
    case message = "Message"
    case header = "Header"
    case collectionDetails = "CollectionDetails"
    case collection = "Collection"
    case year = "Year"
    case referenceDate = "ReferenceDate"
    case source = "Source"
    case sourceLevel = "SourceLevel"
    case lea = "LEA"
    case softwareCode = "SoftwareCode"
    case release = "Release"
    case serialNo = "SerialNo"
    case dateTime = "DateTime"
    case children = "Children"
    case child = "Child"
    case childIdentifiers = "ChildIdentifiers"
    case laChildID = "LAchildID"
    case upn = "UPN"
    case formerUPN = "FormerUPN"
    case upnUnknown = "UPNunknown"
    case personBirthDate = "PersonBirthDate"
    case expectedPersonBirthDate = "ExpectedPersonBirthDate"
    case sex = "Sex"
    case genderCurrent = "GenderCurrent"
    case personDeathDate = "PersonDeathDate"
    case childCharacteristics = "ChildCharacteristics"
    case ethnicity = "Ethnicity"
    case disabilities = "Disabilities"
    case disability = "Disability"
    case cinDetails = "CINdetails"
    case cinReferralDate = "CINreferralDate"
    case referralSource = "ReferralSource"
    case primaryNeedCode = "PrimaryNeedCode"
    case cinClosureDate = "CINclosureDate"
    case reasonForClosure = "ReasonForClosure"
    case dateOfInitialCPC = "DateOfInitialCPC"
    case referralNFA = "ReferralNFA"
    case assessments = "Assessments"
    case assessmentActualStartDate = "AssessmentActualStartDate"
    case assessmentInternalReviewDate = "AssessmentInternalReviewDate"
    case assessmentAuthorisationDate = "AssessmentAuthorisationDate"
    case factorsIdentifiedAtAssessment = "FactorsIdentifiedAtAssessment"
    case assessmentFactors = "AssessmentFactors"
    case cinPlanDates = "CINPlanDates"
    case cinPlanStartDate = "CINPlanStartDate"
    case cinPlanEndDate = "CINPlanEndDate"
    case section47 = "Section47"
    case s47ActualStartDate = "S47ActualStartDate"
    case initialCPCtarget = "InitialCPCtarget"
    case icpcNotRequired = "ICPCnotRequired"
    case childProtectionPlans = "ChildProtectionPlans"
    case cppStartDate = "CPPstartDate"
    case cppEndDate = "CPPendDate"
    case initialCategoryOfAbuse = "InitialCategoryOfAbuse"
    case latestCategoryOfAbuse = "LatestCategoryOfAbuse"
    case numberOfPreviousCPP = "NumberOfPreviousCPP"
    case reviews = "Reviews"
    case cppReviewDate = "CPPreviewDate"

    /// The elements allowed directly inside this one; empty for a value (leaf) element.
    var children: Set<CINElement> {
        switch self {
        case .message: [.header, .children]
        case .header: [.collectionDetails, .source]
        case .collectionDetails: [.collection, .year, .referenceDate]
        case .source: [.sourceLevel, .lea, .softwareCode, .release, .serialNo, .dateTime]
        case .children: [.child]
        case .child: [.childIdentifiers, .childCharacteristics, .cinDetails]
        case .childIdentifiers:
            [.laChildID, .upn, .formerUPN, .upnUnknown, .personBirthDate, .expectedPersonBirthDate, .sex,
             .genderCurrent, .personDeathDate]
        case .childCharacteristics: [.ethnicity, .disabilities]
        case .disabilities: [.disability]
        case .cinDetails:
            [.cinReferralDate, .referralSource, .primaryNeedCode, .cinClosureDate, .reasonForClosure,
             .dateOfInitialCPC, .assessments, .cinPlanDates, .section47, .referralNFA, .childProtectionPlans]
        case .assessments:
            [.assessmentActualStartDate, .assessmentInternalReviewDate, .assessmentAuthorisationDate,
             .factorsIdentifiedAtAssessment]
        case .factorsIdentifiedAtAssessment: [.assessmentFactors]
        case .cinPlanDates: [.cinPlanStartDate, .cinPlanEndDate]
        case .section47: [.s47ActualStartDate, .initialCPCtarget, .dateOfInitialCPC, .icpcNotRequired]
        case .childProtectionPlans:
            [.cppStartDate, .cppEndDate, .initialCategoryOfAbuse, .latestCategoryOfAbuse, .numberOfPreviousCPP,
             .reviews]
        case .reviews: [.cppReviewDate]
        default: []
        }
    }

    /// The canonical table a value or stray text inside this element belongs to
    /// (`file` for the header); `DateOfInitialCPC` inside `CINdetails` is a
    /// section 47 row and is handled where it is read.
    var dataset: String {
        switch self {
        case .message, .header, .collectionDetails, .collection, .year, .referenceDate, .source, .sourceLevel,
             .lea, .softwareCode, .release, .serialNo, .dateTime, .children:
            "file"
        case .child, .childIdentifiers, .laChildID, .upn, .formerUPN, .upnUnknown, .personBirthDate,
             .expectedPersonBirthDate, .sex, .genderCurrent, .personDeathDate, .childCharacteristics, .ethnicity,
             .disabilities, .disability:
            CanonicalTable.children.name
        case .cinDetails, .cinReferralDate, .referralSource, .primaryNeedCode, .cinClosureDate, .reasonForClosure,
             .referralNFA:
            CanonicalTable.referrals.name
        case .assessments, .assessmentActualStartDate, .assessmentInternalReviewDate, .assessmentAuthorisationDate,
             .factorsIdentifiedAtAssessment, .assessmentFactors:
            CanonicalTable.assessments.name
        case .cinPlanDates, .cinPlanStartDate, .cinPlanEndDate:
            CanonicalTable.cin_plans.name
        case .section47, .s47ActualStartDate, .initialCPCtarget, .dateOfInitialCPC, .icpcNotRequired:
            CanonicalTable.section47.name
        case .childProtectionPlans, .cppStartDate, .cppEndDate, .initialCategoryOfAbuse, .latestCategoryOfAbuse,
             .numberOfPreviousCPP:
            CanonicalTable.cp_plans.name
        case .reviews, .cppReviewDate:
            CanonicalTable.cp_reviews.name
        }
    }
}

/// What the reader needs to know about an element on every start tag, in a
/// form that costs no allocation: bit masks instead of sets.
struct CINElementInfo: Sendable {
    let element: CINElement
    /// This element's bit in a parent's `allowedChildren`.
    let bit: UInt64
    let allowedChildren: UInt64
    let isValue: Bool

    func allows(_ child: CINElementInfo) -> Bool { allowedChildren & child.bit != 0 }

    /// Every element's entry, built once.
    static let all: [CINElement: CINElementInfo] = {
        let cases = CINElement.allCases
        precondition(cases.count <= 64, "one bit per element")
        var bits: [CINElement: UInt64] = [:]
        for (i, e) in cases.enumerated() { bits[e] = 1 << UInt64(i) }
        var table: [CINElement: CINElementInfo] = [:]
        for e in cases {
            let mask = e.children.reduce(UInt64(0)) { $0 | bits[$1]! }
            table[e] = CINElementInfo(element: e, bit: bits[e]!, allowedChildren: mask, isValue: e.children.isEmpty)
        }
        return table
    }()
}
