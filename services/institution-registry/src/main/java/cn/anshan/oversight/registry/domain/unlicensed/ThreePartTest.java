package cn.anshan.oversight.registry.domain.unlicensed;

/**
 * The ENF-02 "unlicensed institution" test as the regulator recorded it, each part with a reference
 * to its evidence (an inspection record, a photo, a screenshot of the app), plus the ENF-03
 * question whether the training is subject-type in disguise. Evidence texts stay in the registry.
 */
public record ThreePartTest(
    boolean venueOrOnline,
    String venueEvidence,
    int staffCount,
    String staffEvidence,
    boolean organised,
    String organisationEvidence,
    boolean subjectTraining,
    String trainingEvidence) {

  /**
   * ENF-02 when all three parts are met (a venue or a website or app, at least {@code minStaff}
   * staff, an organisation with division of work); otherwise ENF-03 for subject-type training.
   */
  public OperatorFinding finding(int minStaff) {
    if (venueOrOnline && staffCount >= minStaff && organised) {
      return OperatorFinding.UNLICENSED_INSTITUTION;
    }
    return subjectTraining ? OperatorFinding.DISGUISED_TRAINING : OperatorFinding.NOT_ESTABLISHED;
  }
}
