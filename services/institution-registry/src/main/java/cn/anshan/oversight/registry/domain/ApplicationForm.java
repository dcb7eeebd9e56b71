package cn.anshan.oversight.registry.domain;

import java.math.BigDecimal;
import java.util.Set;

/**
 * What an institution declares when it applies. {@code startUpCapital} is required for new
 * applications (REG-08) and may be null for an institution approved before the platform.
 */
public record ApplicationForm(
    String name,
    Category category,
    SubCategory subCategory,
    Mode mode,
    String district,
    LegalForm legalForm,
    Set<StudentStage> studentStages,
    BigDecimal premisesAreaSqm,
    int maxStudentsPerSlot,
    StartUpCapital startUpCapital) {}
