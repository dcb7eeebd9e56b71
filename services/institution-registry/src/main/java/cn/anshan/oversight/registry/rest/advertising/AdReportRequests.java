package cn.anshan.oversight.registry.rest.advertising;

import cn.anshan.oversight.registry.domain.advertising.AdChannel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Bodies of the advertising commands. */
public final class AdReportRequests {
  private AdReportRequests() {}

  public record Report(
      @NotBlank @Size(max = 64) String institutionId,
      @NotNull AdChannel channel,
      @NotBlank @Size(max = 4000) String description) {}

  /** The regulator's reasons for confirming (optional). */
  public record Decision(@Size(max = 4000) String note) {}

  public record Dismissal(@NotBlank @Size(max = 4000) String note) {}
}
