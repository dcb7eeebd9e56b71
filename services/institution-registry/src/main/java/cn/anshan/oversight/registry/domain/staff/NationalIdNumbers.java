package cn.anshan.oversight.registry.domain.staff;

/**
 * The 18-character resident ID number (GB 11643-1999): 17 digits and an ISO 7064 MOD 11-2 check
 * character. Checking it catches typing errors, which would otherwise let a blacklisted person
 * through STF-06 because a mistyped number hashes differently.
 */
public final class NationalIdNumbers {
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";

  private NationalIdNumbers() {}

  public static boolean isWellFormed(String number) {
    if (number == null || !number.matches("[0-9]{17}[0-9Xx]")) {
      return false;
    }
    return Character.toUpperCase(number.charAt(17)) == checkCharacter(number.substring(0, 17));
  }

  /** The check character of the first 17 digits. */
  public static char checkCharacter(String seventeenDigits) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (seventeenDigits.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK.charAt(sum % 11);
  }
}
