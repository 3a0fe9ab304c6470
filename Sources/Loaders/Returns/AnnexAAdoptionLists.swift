import CSCCore

/// Lists 10 and 11: adoption, over the 12 months ending with the as-of day.
extension AnnexAContext {
    /// List 10: children with a step of their adoption (decision, placement
    /// order, match, placement, order, or a reversed decision) in the last 12
    /// months, or a decision still being acted on. "Date the Child Entered
    /// Care" starts the period of care the decision was made in; the
    /// fostering-for-adoption date is the first U2 or U5 placement in it.
    /// The family identifier is not in the canonical model and is left blank.
    func adoptionRows() -> [[XLSXOutputCell]] {
        let episodes = byChild(.cla_episodes)
        let steps = ["decision_date", "placement_order_date", "matched_date", "placed_date", "adoption_order_date",
                     "decision_reversed_date"]
        let inScope = (tables[.adoptions] ?? []).filter { a in
            steps.contains { isIn(a[$0], twelveMonths) }
                || (!a["decision_date"].isEmpty && a["decision_date"] <= asOfISO
                    && a["adoption_order_date"].isEmpty && a["decision_reversed_date"].isEmpty)
        }
        return sortedByChild(inScope, dated: "decision_date").map { a in
            let child = a["child_id"]
            let decided = a["decision_date"].isEmpty ? asOfISO : a["decision_date"]
            let period = PeriodOfCare.periods(of: episodes[child] ?? []).last { $0.start <= decided }
            let fostering = period?.episodes.first { ["U2", "U5"].contains($0["placement"]) }?["start_date"] ?? ""
            return [.text(child), .empty] + childCells(child) + [
                disability(child), date(period?.start ?? ""), date(a["decision_date"]), date(a["placement_order_date"]),
                date(a["matched_date"]), date(a["placed_date"]), date(a["adoption_order_date"]),
                date(a["decision_reversed_date"]), code(.reasonReversed, a["reason_reversed"]), date(fostering),
            ]
        }
    }

    /// List 11: adopters with a step in the last 12 months, or still in the
    /// process (enquired, and neither left nor adopted). The columns the
    /// canonical model does not hold (disability, fostering for adoption,
    /// application submitted, children placed) are left blank.
    func adopterRows() -> [[XLSXOutputCell]] {
        let steps = ["enquiry_date", "stage1_start", "stage1_end", "stage2_start", "stage2_end", "approved_date",
                     "matched_date", "placed_date", "adoption_order_date", "left_date"]
        return (tables[.adopters] ?? []).filter { a in
            steps.contains { isIn(a[$0], twelveMonths) }
                || (!a["enquiry_date"].isEmpty && a["enquiry_date"] <= asOfISO
                    && a["left_date"].isEmpty && a["adoption_order_date"].isEmpty)
        }
        .sorted { ($0["family_id"], $0["adopter_id"]) < ($1["family_id"], $1["adopter_id"]) }
        .map { a in
            [text(a["adopter_id"]), text(a["family_id"]), code(.gender, a["sex"]), code(.ethnicity, a["ethnicity"]),
             .empty, .empty, date(a["enquiry_date"]), date(a["stage1_start"]), date(a["stage1_end"]),
             date(a["stage2_start"]), date(a["stage2_end"]), .empty, date(a["approved_date"]), date(a["matched_date"]),
             date(a["placed_date"]), .empty, date(a["adoption_order_date"]), date(a["left_date"]),
             code(.reasonLeft, a["reason_left"])]
        }
    }
}
