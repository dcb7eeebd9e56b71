package cn.anshan.oversight.registry.rest;

import cn.anshan.oversight.kit.problem.RuleViolation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of a rejection: every reason names the DOMAIN.md rule the application breaks. */
public record RejectionRequest(@NotEmpty @Size(max = 20) List<@Valid Reason> reasons) {

  public record Reason(
      @NotBlank @Pattern(regexp = "[A-Z]+(-[A-Z]+)*-[0-9]{2}") String ruleId,
      @NotBlank @Size(max = 1000) String detail) {}

  List<RuleViolation> violations() {
    return reasons.stream().map(r -> new RuleViolation(r.ruleId(), r.detail().strip())).toList();
  }
}
