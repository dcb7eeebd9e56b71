package cn.anshan.oversight.enrolment.messaging;

import cn.anshan.oversight.kit.events.EventData;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * What enrolment reads of the registry's {@code StaffBlacklisted.v1} (STF-06): where the barred
 * person is filed right now. No person's identity travels; only staff and institution ids.
 */
record StaffBlacklisted(
    @JsonProperty(required = true) List<Filed> currentlyFiled,
    @JsonProperty(required = true) Instant listedAt) {

  record Filed(String staffId, String institutionId) {
    Filed {
      EventData.requireText("currentlyFiled[].staffId", staffId);
      EventData.requireText("currentlyFiled[].institutionId", institutionId);
    }
  }

  StaffBlacklisted {
    EventData.require("currentlyFiled", currentlyFiled);
    EventData.require("listedAt", listedAt);
  }
}
