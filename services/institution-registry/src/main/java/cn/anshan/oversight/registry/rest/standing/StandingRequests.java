package cn.anshan.oversight.registry.rest.standing;

import cn.anshan.oversight.registry.domain.Mode;
import cn.anshan.oversight.registry.domain.SubCategory;
import cn.anshan.oversight.registry.domain.standing.RegistrationType;
import cn.anshan.oversight.registry.domain.standing.SanctionType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Request bodies of the licence, registration and sanction commands. */
public final class StandingRequests {
  private StandingRequests() {}

  static final String RULE_ID = "[A-Z]+(-[A-Z]+)*-[0-9]{2}";

  public record IssueLicence(
      @NotBlank @Size(max = 64) String licenceNo,
      @NotNull LocalDate validFrom,
      @NotNull LocalDate validTo) {}

  public record ChangeScope(SubCategory subCategory, @NotNull Mode mode) {}

  public record Revoke(
      @NotBlank @Pattern(regexp = RULE_ID) String ruleId,
      @NotBlank @Size(max = 1000) String detail) {}

  public record FileRegistration(
      @NotNull RegistrationType type,
      @NotBlank
          @Pattern(
              regexp = "[0-9A-Z]{18}",
              message = "must be an 18-character unified social credit code")
          String creditCode,
      LocalDate validTo) {}

  public record ImposeSanction(
      @NotNull SanctionType type,
      @NotBlank @Pattern(regexp = RULE_ID) String ruleId,
      @NotBlank @Size(max = 1000) String detail) {}
}
