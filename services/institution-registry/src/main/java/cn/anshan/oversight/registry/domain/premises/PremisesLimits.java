package cn.anshan.oversight.registry.domain.premises;

import java.math.BigDecimal;

/**
 * REG-10 numbers in force: m² per student, minimum building area, highest floor for children aged
 * 12 or under and the lease months that must remain at filing.
 */
public record PremisesLimits(
    BigDecimal minSqmPerStudent,
    BigDecimal minAreaSqm,
    int youngChildrenMaxFloor,
    int minLeaseMonths) {}
