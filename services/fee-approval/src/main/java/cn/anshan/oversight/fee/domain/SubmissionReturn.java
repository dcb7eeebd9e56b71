package cn.anshan.oversight.fee.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.List;

/** The joint submission returned by one department, with its reasons (LN-ASV-06). */
@Embeddable
public record SubmissionReturn(
    @Enumerated(EnumType.STRING) @Column(name = "returned_by_department") Department department,
    @Column(name = "return_reasons") String reasonText,
    Instant returnedAt) {

  static SubmissionReturn of(Department department, List<String> reasons, Instant at) {
    return new SubmissionReturn(department, String.join("\n", reasons), at);
  }

  public List<String> reasons() {
    return reasonText == null ? List.of() : List.of(reasonText.split("\n"));
  }
}
