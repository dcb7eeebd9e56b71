package cn.anshan.oversight.fee.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What the city government approved (LN-ASV-06): the monthly fee, at most the proposed one, for a
 * period inside the term.
 */
@Embeddable
public record ApprovedFee(
    @Column(name = "approved_fee_fen") long feeFenPerMonth,
    LocalDate validFrom,
    LocalDate validTo,
    String approvedBy,
    Instant approvedAt) {}
