package cn.anshan.oversight.fee.domain;

/**
 * ASV-04: after-school fees are collected by the school only, never through a parent committee or a
 * third party. The only value is the school, so no other payee can be expressed.
 */
public enum Payee {
  SCHOOL
}
