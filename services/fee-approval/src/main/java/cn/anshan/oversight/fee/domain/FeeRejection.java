package cn.anshan.oversight.fee.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.List;

/** The city government's rejection of the jointly submitted fee, with reasons (LN-ASV-06). */
@Embeddable
public record FeeRejection(
    @Column(name = "rejection_reasons") String reasonText, Instant rejectedAt) {

  static FeeRejection of(List<String> reasons, Instant at) {
    return new FeeRejection(String.join("\n", reasons), at);
  }

  public List<String> reasons() {
    return reasonText == null ? List.of() : List.of(reasonText.split("\n"));
  }
}
