package cn.anshan.oversight.registry.domain;

import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

/**
 * What an institution declares when it applies. {@code startUpCapital} is required for new
 * applications (REG-08) and may be null for an institution approved before the platform. The
 * institution keeps the form it last filed, or was registered with. Stages are kept in declaration
 * order, as events and views show them.
 */
@Embeddable
public record ApplicationForm(
    String name,
    @Enumerated(EnumType.STRING) Category category,
    @Enumerated(EnumType.STRING) SubCategory subCategory,
    @Enumerated(EnumType.STRING) Mode mode,
    String district,
    @Enumerated(EnumType.STRING) LegalForm legalForm,
    @Convert(converter = StudentStagesConverter.class) Set<StudentStage> studentStages,
    BigDecimal premisesAreaSqm,
    int maxStudentsPerSlot,
    @Embedded StartUpCapital startUpCapital) {

  public ApplicationForm {
    if (studentStages != null) {
      studentStages =
          studentStages.isEmpty()
              ? EnumSet.noneOf(StudentStage.class)
              : EnumSet.copyOf(studentStages);
    }
  }
}
