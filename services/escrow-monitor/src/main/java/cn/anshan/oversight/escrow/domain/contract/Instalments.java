package cn.anshan.oversight.escrow.domain.contract;

/**
 * CON-05 instalments of an order: its lessons split into {@code count} tranches as evenly as
 * possible, earlier tranches taking one lesson more. Each tranche is paid whole, so every paid
 * lesson is reserved at the filed price and a lesson is never half paid.
 */
public final class Instalments {
  private Instalments() {}

  /** Lessons in instalment {@code n} (1-based) of {@code count}. */
  public static int lessonsIn(int lessons, int count, int n) {
    if (count < 1 || count > lessons || n < 1 || n > count) {
      throw new IllegalArgumentException(
          "instalment " + n + " of " + count + " for " + lessons + " lessons");
    }
    return lessons / count + (n <= lessons % count ? 1 : 0);
  }
}
