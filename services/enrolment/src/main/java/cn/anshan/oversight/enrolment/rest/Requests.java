package cn.anshan.oversight.enrolment.rest;

import cn.anshan.oversight.enrolment.domain.programme.Activity;
import cn.anshan.oversight.enrolment.domain.programme.ActivityKind;
import cn.anshan.oversight.enrolment.domain.programme.Billing;
import cn.anshan.oversight.enrolment.domain.programme.ProgrammeForm;
import cn.anshan.oversight.enrolment.domain.programme.ProgrammeType;
import cn.anshan.oversight.enrolment.domain.provider.ProviderOffer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the enrolment service's commands. */
public final class Requests {
  static final String TERM = "^[0-9]{4}-(spring|autumn|summer|winter)$";
  static final String ID = "^[A-Za-z0-9._:-]{1,64}$";
  static final String ONE_LINE = "^[^\\n\\r\\t]*$";

  private Requests() {}

  public record ActivityRequest(
      @NotBlank @Size(max = 200) @Pattern(regexp = ONE_LINE) String name,
      @NotNull ActivityKind kind,
      @Pattern(regexp = ID) String providerId) {}

  /** A programme for one term ("一校一案"); billing defaults to MONTHLY. */
  public record Programme(
      @NotNull ProgrammeType type,
      @NotNull @Pattern(regexp = TERM) String termId,
      @NotNull LocalDate termStart,
      @NotNull LocalDate termEnd,
      @NotEmpty Set<@NotNull DayOfWeek> days,
      @NotNull LocalTime dailyStart,
      @NotNull LocalTime dailyEnd,
      @NotEmpty @Size(max = 12) List<@NotNull @Min(1) @Max(12) Integer> grades,
      @NotEmpty @Size(max = 50) List<@Valid @NotNull ActivityRequest> activities,
      Billing billing) {

    ProgrammeForm form() {
      return new ProgrammeForm(
          type,
          termId,
          termStart,
          termEnd,
          EnumSet.copyOf(days),
          dailyStart,
          dailyEnd,
          grades.stream().distinct().sorted().toList(),
          activities.stream()
              .map(a -> new Activity(a.name().strip(), a.kind(), a.providerId()))
              .toList(),
          billing == null ? Billing.MONTHLY : billing);
    }
  }

  public record Child(@NotNull @Pattern(regexp = ID) String schoolId, @Min(1) @Max(12) int grade) {}

  public record ExemptionClaim(
      @NotNull @Pattern(regexp = "^[A-Z_]{1,40}$") String category,
      @NotBlank @Size(max = 200) @Pattern(regexp = ONE_LINE) String evidenceRef) {}

  public record Enrol(
      @NotNull UUID childId,
      @NotNull UUID programmeId,
      LocalDate startDate,
      @Size(max = 20)
          List<@NotBlank @Size(max = 200) @Pattern(regexp = ONE_LINE) String> options) {}

  public record Withdrawal(LocalDate effectiveDate) {}

  public record Admission(
      @NotNull @Pattern(regexp = ID) String institutionId,
      @Schema(description = "The institution's course (filed with the registry) it delivers")
          @NotNull
          UUID courseId,
      @Schema(description = "What the school pays it per lesson; at most the course's filed price")
          @NotNull
          @Min(0)
          @Max(10_000_000)
          Long feeFenPerLesson,
      @NotEmpty @Size(max = 20)
          List<@NotBlank @Size(max = 200) @Pattern(regexp = ONE_LINE) String> services) {

    ProviderOffer offer() {
      return new ProviderOffer(institutionId, courseId, feeFenPerLesson, services);
    }
  }

  public record Evaluation(
      @NotNull @Pattern(regexp = "^[0-9]{4}-[0-9]{2}$") String period,
      @Min(0) @Max(100) int score) {}

  public record ChargeRun(YearMonth month) {}
}
