package cn.anshan.oversight.registry.domain;

import java.math.BigDecimal;
import java.util.Set;

/** What an institution declares when it applies. */
public record ApplicationForm(
    String name,
    Category category,
    SubCategory subCategory,
    Mode mode,
    String district,
    LegalForm legalForm,
    Set<StudentStage> studentStages,
    BigDecimal premisesAreaSqm,
    int maxStudentsPerSlot) {}
