package cn.anshan.oversight.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layering rules every service's ArchitectureTest runs, shown to catch each kind of breach. */
class ArchitectureRulesTest {
  private static final String LAYERING = "cn.anshan.oversight.testkit.layering.";
  private static final List<String> OTHER = List.of(LAYERING + "other");

  @Test
  void aServiceThatKeepsItsLayersPasses() {
    ArchitectureRules rules = new ArchitectureRules(LAYERING + "good", OTHER);
    assertEquals(
        List.of(), rules.violations(new ClassFileImporter().importPackages(LAYERING + "good")));
  }

  @Test
  void everyRuleReportsItsBreach() {
    ArchitectureRules rules = new ArchitectureRules(LAYERING + "bad", OTHER);
    String report =
        String.join("\n", rules.violations(new ClassFileImporter().importPackages(LAYERING)));
    for (String breach :
        List.of(
            "InjectedRule.enrol> is annotated with <jakarta.inject.Inject>", // CDI in domain
            "InjectedRule.enrol> has type <" + LAYERING + "bad.service.Enrol>", // domain -> service
            "ChildResource.children> has type <"
                + LAYERING
                + "bad.repository", // rest -> repository
            "Enrol.caller> has type <" + LAYERING + "bad.rest", // service -> rest
            "Children.borrowed()> has return type <" + LAYERING + "other")) { // other service
      assertTrue(report.contains(breach), () -> "missing " + breach + " in\n" + report);
    }
  }
}
