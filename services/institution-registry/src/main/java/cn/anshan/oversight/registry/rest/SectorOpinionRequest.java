package cn.anshan.oversight.registry.rest;

import cn.anshan.oversight.registry.domain.SectorOpinion;
import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The sector department's opinion on a non-subject application (REG-02, REG-08). */
public record SectorOpinionRequest(
    @NotNull SectorOpinion opinion,
    @Schema(description = "Why; required when the department dissents") @Size(max = 2000)
        String reason) {

  @JsonIgnore
  @Schema(hidden = true)
  @AssertTrue(message = "a dissent says why (reason)")
  public boolean isDissentReasoned() {
    return opinion != SectorOpinion.DISSENTED || (reason != null && !reason.isBlank());
  }

  String reasonText() {
    return reason == null || reason.isBlank() ? null : reason.strip();
  }
}
