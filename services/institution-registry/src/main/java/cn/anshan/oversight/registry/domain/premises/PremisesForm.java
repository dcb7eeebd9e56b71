package cn.anshan.oversight.registry.domain.premises;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A site as the operator files or changes it. The floor counts from 1 at ground level; below ground
 * is negative (REG-10 basement).
 */
public record PremisesForm(
    String address,
    String district,
    int floorLevel,
    BuildingType buildingType,
    BigDecimal areaSqm,
    LocalDate leaseEnd,
    List<Classroom> classrooms) {}
