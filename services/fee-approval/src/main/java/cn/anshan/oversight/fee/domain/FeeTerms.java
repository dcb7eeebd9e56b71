package cn.anshan.oversight.fee.domain;

/** What a proposal asks for: the part a school admin may amend before the joint submission. */
public record FeeTerms(
    FeeBasis basis,
    SchoolLevel schoolLevel,
    CostBreakdown costs,
    int expectedParticipants,
    long proposedFeeFenPerMonth) {}
