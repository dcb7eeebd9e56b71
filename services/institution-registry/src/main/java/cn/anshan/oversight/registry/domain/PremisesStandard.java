package cn.anshan.oversight.registry.domain;

import java.math.BigDecimal;

/**
 * REG-10 numbers in force: area per student in one time slot (3 m² nationally) and the minimum
 * building area (a local figure; 100–300 m² in other provinces, unconfirmed for Anshan).
 */
public record PremisesStandard(BigDecimal minSqmPerStudent, BigDecimal minAreaSqm) {}
