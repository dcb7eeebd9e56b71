package cn.anshan.oversight.enrolment.messaging;

import cn.anshan.oversight.kit.events.EventData;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What enrolment reads of the registry's {@code LicenceRevoked.v1} and {@code LicenceExpired.v1}:
 * the institution whose provider admissions end (ASV-06).
 */
record LicenceLapse(@JsonProperty(required = true) String institutionId, String district) {

  LicenceLapse {
    EventData.requireText("institutionId", institutionId);
  }
}
