package cn.anshan.oversight.enrolment.messaging;

import cn.anshan.oversight.kit.events.EventData;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;

/**
 * What enrolment reads of the registry's {@code InstitutionWhitelisted.v1}, {@code
 * InstitutionBlacklisted.v1} and {@code InstitutionDelisted.v1} (contracts/events/registry): the
 * outside provider's standing (ASV-06).
 */
record InstitutionListing(
    @JsonProperty(required = true) String institutionId,
    String district,
    @JsonProperty(required = true) String listStatus,
    @JsonProperty(required = true) Boolean operational,
    String licenceNo,
    LocalDate licenceValidTo) {

  InstitutionListing {
    EventData.requireText("institutionId", institutionId);
    EventData.requireText("listStatus", listStatus);
    EventData.require("operational", operational);
  }

  boolean blacklisted() {
    return "BLACK".equals(listStatus);
  }
}
