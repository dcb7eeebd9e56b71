package cn.anshan.oversight.escrow.messaging;

import cn.anshan.oversight.kit.events.EventData;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;

/**
 * What escrow reads of the registry's {@code InstitutionWhitelisted.v1}, {@code
 * InstitutionBlacklisted.v1} and {@code InstitutionDelisted.v1} (contracts/events/registry): the
 * whole standing (LST-01) and the particulars a contract names (CON-02).
 */
record InstitutionListing(
    @JsonProperty(required = true) String institutionId,
    @JsonProperty(required = true) String district,
    String category,
    @JsonProperty(required = true) String listStatus,
    @JsonProperty(required = true) Boolean operational,
    String name,
    String mode,
    String licenceNo,
    LocalDate licenceValidTo) {

  InstitutionListing {
    EventData.requireText("institutionId", institutionId);
    EventData.requireText("district", district);
    EventData.requireText("listStatus", listStatus);
    EventData.require("operational", operational);
  }
}
