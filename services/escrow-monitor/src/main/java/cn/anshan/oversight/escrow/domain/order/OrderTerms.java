package cn.anshan.oversight.escrow.domain.order;

import cn.anshan.oversight.escrow.domain.entitlement.Category;
import java.time.LocalDate;

/** What a parent asks to buy, as checked by {@link PrepaymentRules}. */
public record OrderTerms(
    Category category,
    int classHours,
    long amountFen,
    LocalDate periodStart,
    LocalDate periodEnd,
    LocalDate orderedOn,
    String contractTemplate) {}
