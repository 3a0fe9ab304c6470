import CSCCore

// Two 903 tables describe adoption, and both go to `adoptions` (no natural
// key: each row is its own record):
//
// | 903 table      | 903 field            | DfE meaning                                          | adoptions column        |
// |----------------|----------------------|------------------------------------------------------|-------------------------|
// | AD1            | DATE_INT             | date of the decision the child should be placed for adoption | decision_date |
// | AD1            | DATE_MATCH           | date the child was matched with the adopter(s)       | matched_date            |
// | PlacedAdoption | DATE_PLACED          | date of the decision the child should be placed for adoption | decision_date |
// | PlacedAdoption | DATE_PLACED_CEASED   | date of the decision the child should no longer be placed | decision_reversed_date |
// | PlacedAdoption | REASON_PLACED_CEASED | why (RD1–RD4)                                        | reason_reversed         |
//
// DATE_PLACED is the decision date, not the date the child moved in (903 rules
// 115, 523: it should equal AD1's DATE_INT); the placement itself is an
// Episodes row with PLACE A3–A6, and the adoption order an episode ending E11/E12,
// so placed_date, placement_order_date and adoption_order_date stay empty here.
// AD1's FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR and LS_ADOPTR have no canonical
// column; they are checked.

/// AD1 (children adopted in the year) → `adoptions`.
struct SSDA903AD1Loader: SSDA903TableLoader {
    let decided, matched, fosterCare, adopters, adopterSex, adopterStatus: Int

    init(_ c: SSDA903Columns) {
        decided = c["DATE_INT"]
        matched = c["DATE_MATCH"]
        fosterCare = c["FOSTER_CARE"]
        adopters = c["NB_ADOPTR"]
        adopterSex = c["SEX_ADOPTR"]
        adopterStatus = c["LS_ADOPTR"]
    }

    func values(_ r: some SSDA903Row, _ f: SSDA903Fields) -> [String] {
        let decision = f.date(r, decided)
        let match = f.date(r, matched)
        f.flag(r, fosterCare)
        f.wholeNumber(r, adopters, in: 1...2)
        _ = f.code(r, adopterSex, .adopterSex)
        _ = f.code(r, adopterStatus, .adopterLegalStatus)
        // child_id, decision_date, placement_order_date, matched_date, placed_date, adoption_order_date,
        // decision_reversed_date, reason_reversed
        return [f.childID, decision, "", match, "", "", "", ""]
    }
}

/// PlacedAdoption (decisions that the child should be placed for adoption,
/// and their reversal) → `adoptions`.
struct SSDA903PlacedAdoptionLoader: SSDA903TableLoader {
    let decided, reversed, reason: Int

    init(_ c: SSDA903Columns) {
        decided = c["DATE_PLACED"]
        reversed = c["DATE_PLACED_CEASED"]
        reason = c["REASON_PLACED_CEASED"]
    }

    func values(_ r: some SSDA903Row, _ f: SSDA903Fields) -> [String] {
        [f.childID, f.date(r, decided), "", "", "", "", f.date(r, reversed), f.code(r, reason, .reasonPlacedCeased)]
    }
}
