package cn.anshan.oversight.registry.rest.premises;

import cn.anshan.oversight.registry.domain.premises.BuildingType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A site as the operator files or changes it (REG-10). Floor 1 is ground level; basements are
 * negative.
 */
public record PremisesRequest(
    @NotBlank @Size(max = 500) String address,
    @NotBlank @Size(max = 64) String district,
    @NotNull @Min(-10) @Max(200) Integer floorLevel,
    @NotNull BuildingType buildingType,
    @NotNull @DecimalMin("0.01") @Digits(integer = 7, fraction = 2) BigDecimal areaSqm,
    @NotNull LocalDate leaseEnd,
    @NotEmpty @Size(max = 200) List<@Valid @NotNull Room> classrooms) {

  public record Room(
      // Tabs and line breaks would break the stored classroom lines.
      @NotBlank @Size(max = 100) @Pattern(regexp = "[^\\t\\r\\n]+") String name,
      @NotNull @DecimalMin("0.01") @Digits(integer = 7, fraction = 2) BigDecimal areaSqm,
      @NotNull @Min(1) @Max(10000) Integer maxStudents) {}
}
