package cn.anshan.oversight.fee.domain;

/** What a school admin of {@code schoolId} proposes as the first fee of a term and programme. */
public record FeeDraft(
    String schoolId,
    String district,
    String draftedBy,
    Term term,
    ProgrammeType programmeType,
    FeeTerms terms) {}
