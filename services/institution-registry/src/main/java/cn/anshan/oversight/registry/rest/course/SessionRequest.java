package cn.anshan.oversight.registry.rest.course;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDateTime;

/**
 * Body of {@code POST /api/v1/courses/{courseId}/sessions}: wall-clock times in Asia/Shanghai, e.g.
 * {@code 2026-03-02T18:00}, because the time rules are about local clock times.
 */
public record SessionRequest(@NotNull LocalDateTime startsAt, @NotNull LocalDateTime endsAt) {}
