package cn.anshan.oversight.enrolment.domain.programme;

/**
 * What an activity of a programme is. The last five are not after-school service: early arrival,
 * lunch supervision and evening self-study are outside its scope (ASV-04 (1)), and new lessons or
 * group tutoring are forbidden in it (ASV-01, ASV-04 (3), ASV-07).
 */
public enum ActivityKind {
  HOMEWORK_SUPPORT,
  READING,
  SPORTS,
  ARTS,
  SCIENCE_TECH,
  CLUBS,
  SUPERVISION,
  EARLY_ARRIVAL,
  LUNCH_SUPERVISION,
  EVENING_SELF_STUDY,
  NEW_LESSON,
  GROUP_TUTORING;

  /** ASV-04 (1): not after-school service at all. */
  public boolean outOfScope() {
    return this == EARLY_ARRIVAL || this == LUNCH_SUPERVISION || this == EVENING_SELF_STUDY;
  }

  /** ASV-01 / ASV-04 (3) / ASV-07: teaching new content is forbidden in after-school time. */
  public boolean teaching() {
    return this == NEW_LESSON || this == GROUP_TUTORING;
  }
}
