package cn.anshan.oversight.registry.rest.complaint;

import cn.anshan.oversight.registry.domain.complaint.ComplaintCategory;
import cn.anshan.oversight.registry.domain.complaint.ComplaintOutcome;
import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the complaint commands. */
public final class ComplaintRequests {
  private ComplaintRequests() {}

  /** About an approved institution ({@code institutionId}) or an unlisted {@code operator}. */
  @Schema(name = "FileComplaint")
  public record File(
      @Size(min = 1, max = 64) String institutionId,
      @Valid UnlistedOperator operator,
      @NotNull ComplaintCategory category,
      @NotBlank @Size(max = 4000) String description) {

    /** Exactly one of the two names whom the complaint is about. */
    @AssertTrue(message = "name either institutionId or operator, not both")
    @JsonIgnore
    @Schema(hidden = true)
    public boolean isAboutOneOperator() {
      return (institutionId == null) != (operator == null);
    }
  }

  /** An operator the register does not list, as the parent knows it (issue 18 item 1). */
  @Schema(name = "UnlistedOperator")
  public record UnlistedOperator(
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String district,
      @Size(max = 500) String address) {}

  public record Answer(@NotBlank @Size(max = 4000) String answer) {}

  public record Close(@NotNull ComplaintOutcome outcome, @Size(max = 4000) String note) {}
}
