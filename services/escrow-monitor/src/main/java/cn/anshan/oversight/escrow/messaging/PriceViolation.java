package cn.anshan.oversight.escrow.messaging;

import cn.anshan.oversight.kit.events.EventData;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/**
 * The registry's {@code PriceViolationDetected.v1} and {@code PriceViolationCleared.v1} (PRC-07): a
 * course whose sales stop, or resume; the rule and detail come with a detection only.
 */
record PriceViolation(@JsonProperty(required = true) UUID courseId, String ruleId, String detail) {

  PriceViolation {
    EventData.require("courseId", courseId);
  }

  String requireRuleId() {
    EventData.requireText("ruleId", ruleId);
    return ruleId;
  }
}
