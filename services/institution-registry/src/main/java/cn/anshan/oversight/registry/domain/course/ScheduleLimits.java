package cn.anshan.oversight.registry.domain.course;

import java.time.LocalTime;

/**
 * The time rules in force (DOMAIN.md §10 schedule.*): latest ends (TIM-02, TIM-03), online lesson
 * length and break (TIM-02), the local school day that training may not overlap (TIM-04), and
 * whether a course needs filed teaching materials before its first session (REG-12, a draft rule,
 * so switched by configuration).
 */
public record ScheduleLimits(
    LocalTime offlineLatestEnd,
    LocalTime onlineLatestEnd,
    int onlineMaxLessonMinutes,
    int onlineMinBreakMinutes,
    LocalTime schoolDayStart,
    LocalTime schoolDayEnd,
    boolean materialsRequired) {}
