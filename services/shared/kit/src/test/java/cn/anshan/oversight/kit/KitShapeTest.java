package cn.anshan.oversight.kit;

import cn.anshan.oversight.testkit.LambdaNesting;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The kit reads straight down like the services it serves (issue 14 item 1). */
class KitShapeTest {
  @Test
  void nothingNestsDeeperThanTwoLambdas() {
    LambdaNesting.check(Path.of("src/main/java"));
  }
}
