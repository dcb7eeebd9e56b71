package cn.anshan.oversight.registry.rest.unlicensed;

import cn.anshan.oversight.registry.domain.unlicensed.Discovery;
import cn.anshan.oversight.registry.domain.unlicensed.OperatorSanctionType;
import cn.anshan.oversight.registry.domain.unlicensed.SanctionOrder;
import cn.anshan.oversight.registry.domain.unlicensed.ThreePartTest;
import cn.anshan.oversight.registry.service.unlicensed.OperatorRecord;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the unlicensed-operator commands (issue 18 item 1). */
public final class UnlicensedOperatorRequests {
  private UnlicensedOperatorRequests() {}

  @Schema(name = "RecordUnlicensedOperator")
  public record Record(
      @NotBlank @Size(max = 200) String name,
      @Size(max = 500) String address,
      @Schema(description = "Website, app or social-media account the operator trains through")
          @Size(max = 500)
          String onlinePresence,
      @NotNull Discovery discoveredThrough,
      @Schema(
              description =
                  "Id of the complaint, inspection or advertisement report it was found through"
                      + " (required unless PATROL); an identifier, never a name: it travels in"
                      + " events")
          @Pattern(regexp = "^[A-Za-z0-9._:/-]{1,64}$")
          String sourceReference) {

    OperatorRecord toRecord() {
      return new OperatorRecord(
          name.strip(), address, onlinePresence, discoveredThrough, sourceReference);
    }
  }

  @Schema(
      name = "AssessUnlicensedOperator",
      description =
          "The ENF-02 three-part test and the ENF-03 question; every part asserted names its"
              + " evidence (inspection record, photo, screenshot)")
  public record Assess(
      boolean venueOrOnline,
      @Size(max = 1000) String venueEvidence,
      @PositiveOrZero @Max(100000) int staffCount,
      @Size(max = 1000) String staffEvidence,
      boolean organised,
      @Size(max = 1000) String organisationEvidence,
      boolean subjectTraining,
      @Size(max = 1000) String trainingEvidence) {

    ThreePartTest toTest() {
      return new ThreePartTest(
          venueOrOnline,
          venueEvidence,
          staffCount,
          staffEvidence,
          organised,
          organisationEvidence,
          subjectTraining,
          trainingEvidence);
    }
  }

  @Schema(name = "SanctionUnlicensedOperator")
  public record Sanction(
      @NotNull OperatorSanctionType type,
      @Schema(description = "FINE only, in fen") @Min(1) Long fineFen,
      @Schema(description = "ENF-02 FINE only: the illegal gains the fine is a multiple of, fen")
          @Min(1)
          Long illegalGainsFen,
      @Schema(description = "REFERRAL only: the agency, e.g. market regulator, public security")
          @Size(max = 200)
          String referredTo,
      @NotBlank @Size(max = 4000) String detail) {

    SanctionOrder toOrder() {
      return new SanctionOrder(type, fineFen, illegalGainsFen, referredTo, detail.strip());
    }
  }
}
