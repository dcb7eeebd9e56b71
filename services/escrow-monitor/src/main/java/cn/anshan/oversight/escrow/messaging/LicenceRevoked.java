package cn.anshan.oversight.escrow.messaging;

import cn.anshan.oversight.kit.events.EventData;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The registry's {@code LicenceRevoked.v1}: the institution may no longer collect (REL-09). */
record LicenceRevoked(
    @JsonProperty(required = true) String institutionId,
    @JsonProperty(required = true) String district) {

  LicenceRevoked {
    EventData.requireText("institutionId", institutionId);
    EventData.requireText("district", district);
  }
}
