package cn.anshan.oversight.registry.rest;

import cn.anshan.oversight.registry.domain.ApplicationForm;
import cn.anshan.oversight.registry.domain.Category;
import cn.anshan.oversight.registry.domain.LegalForm;
import cn.anshan.oversight.registry.domain.Mode;
import cn.anshan.oversight.registry.domain.StartUpCapital;
import cn.anshan.oversight.registry.domain.StudentStage;
import cn.anshan.oversight.registry.domain.SubCategory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/institution-applications}. */
public record ApplicationRequest(
    @NotBlank @Size(max = 200) String name,
    @NotNull Category category,
    SubCategory subCategory,
    @NotNull Mode mode,
    @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String district,
    @NotNull LegalForm legalForm,
    @NotEmpty Set<@NotNull StudentStage> studentStages,
    @NotNull @DecimalMin("0") @DecimalMax("1000000") @Digits(integer = 8, fraction = 2)
        BigDecimal premisesAreaSqm,
    @Min(1) @Max(10000) int maxStudentsPerSlot,
    @Schema(
            description =
                "REG-08: required for a new application (at least the configured minimum, 300,000"
                    + " yuan by default); may be omitted for an institution approved before the"
                    + " platform")
        @Valid
        StartUpCapitalRequest startUpCapital) {

  /** REG-08 start-up capital in yuan, and where the proof can be seen. */
  public record StartUpCapitalRequest(
      @NotNull @Min(0) @Max(100_000_000_000L) Long yuan,
      @Schema(description = "Capital verification report (验资报告) or bank statement reference")
          @NotBlank
          @Size(max = 200)
          String evidenceReference) {}

  ApplicationForm toForm() {
    return new ApplicationForm(
        name.strip(),
        category,
        subCategory,
        mode,
        district,
        legalForm,
        studentStages,
        premisesAreaSqm,
        maxStudentsPerSlot,
        startUpCapital == null
            ? null
            : new StartUpCapital(
                startUpCapital.yuan(), startUpCapital.evidenceReference().strip()));
  }
}
