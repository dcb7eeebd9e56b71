package cn.anshan.oversight.registry.domain;

import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.kit.time.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;

/**
 * §11 row 1: a regulator decides an application within {@code workingDays} working days of the day
 * it was filed (the statutory limit is UNCONFIRMED, so configured).
 */
public record DecisionDeadline(WorkingDayCalendar calendar, int workingDays) {

  /**
   * The last business day on which a decision on an application filed {@code appliedAt} is in time.
   */
  LocalDate dueBy(Instant appliedAt) {
    return calendar.plusWorkingDays(
        appliedAt.atZone(OversightClock.BUSINESS_ZONE).toLocalDate(), workingDays);
  }
}
