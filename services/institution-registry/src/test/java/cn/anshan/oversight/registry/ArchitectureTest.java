package cn.anshan.oversight.registry;

import cn.anshan.oversight.testkit.ArchitectureRules;
import cn.anshan.oversight.testkit.LambdaNesting;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md §5 layering, on this service's main classes (rules and their own test in the test kit).
 */
class ArchitectureTest {
  @Test
  void layersDependInwardOnly() {
    ArchitectureRules.of("registry").check();
  }

  @Test
  void commandsNestNoDeeperThanTwoLambdas() {
    LambdaNesting.check(Path.of("src/main/java"));
  }
}
