package cn.anshan.oversight.registry.rest.course;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * Body of {@code POST /api/v1/courses/{courseId}/sessions/{sessionId}/held}: the children who
 * attended, by enrolment's child reference (REL-04); never names.
 */
public record HeldReport(@NotNull @Size(max = 500) List<@NotNull UUID> attendingChildIds) {}
