package cn.anshan.oversight.fee.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** What a proposal asks for: the part a school admin may amend before the joint submission. */
@Embeddable
public record FeeTerms(
    @Enumerated(EnumType.STRING) FeeBasis basis,
    @Enumerated(EnumType.STRING) SchoolLevel schoolLevel,
    CostBreakdown costs,
    int expectedParticipants,
    @Column(name = "proposed_fee_fen") long proposedFeeFenPerMonth) {}
