package cn.anshan.oversight.fee.rest;

import cn.anshan.oversight.fee.domain.ConsultationMethod;
import cn.anshan.oversight.fee.domain.CostBreakdown;
import cn.anshan.oversight.fee.domain.FeeBasis;
import cn.anshan.oversight.fee.domain.FeeTerms;
import cn.anshan.oversight.fee.domain.ProgrammeType;
import cn.anshan.oversight.fee.domain.SchoolLevel;
import cn.anshan.oversight.fee.domain.Term;
import cn.anshan.oversight.fee.domain.Vote;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the fee commands. Money is integer fen (1 yuan = 100 fen). */
public final class FeeRequests {
  private FeeRequests() {}

  static final long MAX_FEN = 100_000_000L;

  public record Costs(
      @NotNull @Min(0) @Max(MAX_FEN) Long staffAllowancesFen,
      @NotNull @Min(0) @Max(MAX_FEN) Long materialsFen,
      @NotNull @Min(0) @Max(MAX_FEN) Long outsideProvidersFen,
      @NotNull @Min(0) @Max(MAX_FEN) Long utilitiesFen) {

    CostBreakdown breakdown() {
      return new CostBreakdown(staffAllowancesFen, materialsFen, outsideProvidersFen, utilitiesFen);
    }
  }

  @Schema(description = "A new fee proposal of the caller's school (revision 1)")
  public record Propose(
      @NotBlank @Pattern(regexp = "[0-9]{4}-(spring|autumn|summer|winter)") String termId,
      @NotNull LocalDate termStart,
      @NotNull LocalDate termEnd,
      @NotNull ProgrammeType programmeType,
      @NotNull FeeBasis basis,
      @NotNull SchoolLevel schoolLevel,
      @NotNull @Valid Costs costs,
      @NotNull @Min(1) @Max(100_000) Integer expectedParticipants,
      @NotNull @Min(0) @Max(MAX_FEN) Long proposedFeeFenPerMonth,
      @Schema(description = "Who collects the fee; only SCHOOL is allowed (ASV-04)") @Size(max = 64)
          String payee) {

    Term term() {
      return new Term(termId, termStart, termEnd);
    }

    FeeTerms terms() {
      return new FeeTerms(
          basis, schoolLevel, costs.breakdown(), expectedParticipants, proposedFeeFenPerMonth);
    }
  }

  @Schema(description = "New terms for a draft, a returned proposal or a revision")
  public record Terms(
      @NotNull FeeBasis basis,
      @NotNull SchoolLevel schoolLevel,
      @NotNull @Valid Costs costs,
      @NotNull @Min(1) @Max(100_000) Integer expectedParticipants,
      @NotNull @Min(0) @Max(MAX_FEN) Long proposedFeeFenPerMonth,
      @Schema(description = "Who collects the fee; only SCHOOL is allowed (ASV-04)") @Size(max = 64)
          String payee) {

    FeeTerms terms() {
      return new FeeTerms(
          basis, schoolLevel, costs.breakdown(), expectedParticipants, proposedFeeFenPerMonth);
    }
  }

  public record RecordConsultation(@NotNull ConsultationMethod method, @NotNull LocalDate heldOn) {}

  public record CastVote(@NotNull Vote vote) {}

  public record Reasons(
      @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 2000) String> reasons) {}

  public record Approve(
      @NotNull @Min(0) @Max(MAX_FEN) Long feeFenPerMonth,
      @Schema(description = "Defaults to the term's start") LocalDate validFrom,
      @Schema(description = "Defaults to the term's end") LocalDate validTo) {}
}
