package cn.anshan.oversight.registry.rest.complaint;

import cn.anshan.oversight.registry.domain.complaint.ComplaintCategory;
import cn.anshan.oversight.registry.domain.complaint.ComplaintOutcome;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Bodies of the complaint commands. */
public final class ComplaintRequests {
  private ComplaintRequests() {}

  public record File(
      @NotBlank @Size(max = 64) String institutionId,
      @NotNull ComplaintCategory category,
      @NotBlank @Size(max = 4000) String description) {}

  public record Answer(@NotBlank @Size(max = 4000) String answer) {}

  public record Close(@NotNull ComplaintOutcome outcome, @Size(max = 4000) String note) {}
}
