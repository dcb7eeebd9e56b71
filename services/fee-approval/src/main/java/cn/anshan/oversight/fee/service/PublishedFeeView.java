package cn.anshan.oversight.fee.service;

import cn.anshan.oversight.fee.domain.FeeBasis;
import cn.anshan.oversight.fee.domain.FeeProposal;
import cn.anshan.oversight.fee.domain.Payee;
import cn.anshan.oversight.fee.domain.ProgrammeType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A fee in force, as displayed publicly (ASV-04: fees publicly displayed). */
public record PublishedFeeView(
    UUID proposalId,
    String schoolId,
    String district,
    String termId,
    LocalDate termStart,
    LocalDate termEnd,
    ProgrammeType programmeType,
    FeeBasis basis,
    long feeFenPerMonth,
    int revision,
    LocalDate validFrom,
    LocalDate validTo,
    Instant publishedAt,
    Payee payee) {

  public static PublishedFeeView of(FeeProposal p) {
    return new PublishedFeeView(
        p.id(),
        p.schoolId(),
        p.district(),
        p.term().termId(),
        p.term().start(),
        p.term().end(),
        p.programmeType(),
        p.terms().basis(),
        p.approval().feeFenPerMonth(),
        p.revision(),
        p.approval().validFrom(),
        p.approval().validTo(),
        p.publication() == null ? null : p.publication().publishedAt(),
        p.payee());
  }
}
