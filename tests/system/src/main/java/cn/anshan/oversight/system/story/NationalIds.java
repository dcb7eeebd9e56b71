package cn.anshan.oversight.system.story;

import java.util.concurrent.ThreadLocalRandom;

/** Valid GB 11643 resident ID numbers for staff filings (random sequence, correct check digit). */
final class NationalIds {
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";

  private NationalIds() {}

  static String random() {
    StringBuilder n = new StringBuilder("210302198805");
    n.append(String.format("%02d", 1 + ThreadLocalRandom.current().nextInt(28)));
    n.append(String.format("%03d", ThreadLocalRandom.current().nextInt(1000)));
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (n.charAt(i) - '0') * WEIGHTS[i];
    }
    return n.append(CHECK.charAt(sum % 11)).toString();
  }
}
