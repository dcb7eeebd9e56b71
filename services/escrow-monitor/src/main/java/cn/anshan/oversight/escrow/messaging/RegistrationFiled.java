package cn.anshan.oversight.escrow.messaging;

import cn.anshan.oversight.kit.events.EventData;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;

/**
 * The registry's {@code RegistrationFiled.v1}: the legal registration a contract names (CON-02).
 */
record RegistrationFiled(
    @JsonProperty(required = true) String institutionId,
    @JsonProperty(required = true) String registrationType,
    @JsonProperty(required = true) String creditCode,
    LocalDate validTo) {

  RegistrationFiled {
    EventData.requireText("institutionId", institutionId);
    EventData.requireText("registrationType", registrationType);
    EventData.requireText("creditCode", creditCode);
  }
}
