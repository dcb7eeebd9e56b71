package cn.anshan.oversight.escrow.service;

import cn.anshan.oversight.kit.problem.ProblemException;

/** The bank's own reference makes each movement idempotent. */
final class BankReferences {
  private BankReferences() {}

  static ProblemException reused(String bankRef) {
    return ProblemException.conflict(
        "bank-reference-reused",
        "bank reference " + bankRef + " was already used for a different movement");
  }
}
