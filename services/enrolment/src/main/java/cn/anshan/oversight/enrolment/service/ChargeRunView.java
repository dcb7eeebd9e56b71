package cn.anshan.oversight.enrolment.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The charges one run issued for a programme and period (already charged children are skipped). */
public record ChargeRunView(
    UUID programmeId,
    String termId,
    LocalDate periodStart,
    LocalDate periodEnd,
    long feeFenPerMonth,
    int feeRevision,
    List<ChargeView> charges) {}
