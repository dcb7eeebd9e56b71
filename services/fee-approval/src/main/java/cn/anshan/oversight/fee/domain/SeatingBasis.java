package cn.anshan.oversight.fee.domain;

/** How a representative came to sit on the school's parent committee (LN-ASV-06 家长自愿). */
public enum SeatingBasis {
  /** Registered by a school admin before the committee chose its own members (issue 18 item 5). */
  SCHOOL_ADMIN,
  /** A founding member of a committee with none: endorsed by other parents of the school. */
  FOUNDING_PARENTS,
  /** Endorsed by a majority of the sitting representatives. */
  COMMITTEE_MAJORITY
}
