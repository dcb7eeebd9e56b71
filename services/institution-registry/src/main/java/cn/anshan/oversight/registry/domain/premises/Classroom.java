package cn.anshan.oversight.registry.domain.premises;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One room of a site and the students it may hold in one time slot (REG-10). The id is null until
 * the site assigns it.
 */
public record Classroom(UUID classroomId, String name, BigDecimal areaSqm, int maxStudents) {}
