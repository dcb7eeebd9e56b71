package cn.anshan.oversight.enrolment.messaging;

import cn.anshan.oversight.enrolment.domain.programme.ProgrammeType;
import cn.anshan.oversight.kit.events.EventData;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What enrolment reads of fee-approval's {@code FeePublished.v1} (contracts/events/fee): the
 * monthly fee a school may charge for a term and programme type (LN-ASV-06). The constructor
 * refuses what enrolment could not charge from; {@link
 * cn.anshan.oversight.kit.events.IncomingEvent#dataAs} turns that into a parked record.
 */
record FeePublished(
    @JsonProperty(required = true) String schoolId,
    @JsonProperty(required = true) String termId,
    @JsonProperty(required = true) ProgrammeType programmeType,
    @JsonProperty(required = true) long feeFenPerMonth,
    @JsonProperty(required = true) int revision,
    String district,
    String proposalId,
    String basis,
    LocalDate validFrom,
    LocalDate validTo,
    Instant publishedAt) {

  FeePublished {
    EventData.requireText("schoolId", schoolId);
    EventData.requireText("termId", termId);
    if (programmeType == null) {
      throw new IllegalArgumentException("programmeType is missing");
    }
    if (feeFenPerMonth < 0) {
      throw new IllegalArgumentException("feeFenPerMonth is negative");
    }
  }
}
