package cn.anshan.oversight.escrow.domain.order;

import java.time.LocalDate;
import java.util.List;

/** The configured limits of prepayment intake (DOMAIN.md §10 prepay.*). */
public record PrepaymentCaps(
    int maxMonths,
    int maxClassHours,
    long maxAmountFenNonSubject,
    long maxAmountFenSubject,
    boolean subjectAmountCapEnabled,
    int earliestBeforeCourseDays,
    int earliestRemainingHours,
    List<LocalDate> termStarts,
    String contractTemplate) {}
