package cn.anshan.oversight.enrolment.domain.programme;

/** §8.3: charged month by month or once per term; never across terms either way. */
public enum Billing {
  MONTHLY,
  PER_TERM
}
