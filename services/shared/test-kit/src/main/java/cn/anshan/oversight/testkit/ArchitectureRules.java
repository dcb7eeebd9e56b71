package cn.anshan.oversight.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;

/**
 * The layering of DESIGN.md §5, checked on a service's compiled main classes (issue 14 item 7):
 * rules in {@code domain} stay plain Java (JPA mapping annotations allowed, no Quarkus, Mutiny,
 * Vert.x or CDI), {@code rest} reaches persistence only through {@code service}, {@code service}
 * never knows its HTTP resources, and no service imports another service's packages (they share
 * only the kit and the contracts).
 */
public final class ArchitectureRules {
  static final List<String> SERVICES = List.of("audit", "enrolment", "escrow", "fee", "registry");

  private final String root;
  private final List<String> otherServices;

  ArchitectureRules(String root, List<String> otherServices) {
    this.root = root;
    this.otherServices = otherServices;
  }

  /** {@code service} is the last part of the service's root package, e.g. {@code "escrow"}. */
  public static ArchitectureRules of(String service) {
    if (!SERVICES.contains(service)) {
      throw new IllegalArgumentException("unknown service package " + service);
    }
    return new ArchitectureRules(
        "cn.anshan.oversight." + service,
        SERVICES.stream()
            .filter(other -> !other.equals(service))
            .map(other -> "cn.anshan.oversight." + other)
            .toList());
  }

  /**
   * Checks every rule on the service's main classes; fails listing every violation of every rule.
   */
  public void check() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(root);
    List<String> broken = violations(classes);
    if (!broken.isEmpty()) {
      throw new AssertionError(String.join("\n\n", broken));
    }
  }

  /** The failure report of each broken rule, empty when the classes keep them all. */
  List<String> violations(JavaClasses classes) {
    if (classes.isEmpty()) {
      throw new IllegalStateException("no classes under " + root + ": nothing would be checked");
    }
    return rules().stream()
        .map(rule -> rule.evaluate(classes))
        .filter(EvaluationResult::hasViolation)
        .map(result -> result.getFailureReport().toString())
        .toList();
  }

  private List<ArchRule> rules() {
    return List.of(
        domainIsPlainJava(),
        domainKnowsNoOuterLayer(),
        restSkipsNoLayer(),
        serviceKnowsNoRest(),
        noOtherService());
  }

  private ArchRule domainIsPlainJava() {
    return noClasses()
        .that()
        .resideInAPackage(pkg("domain.."))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.quarkus..",
            "io.smallrye..",
            "io.vertx..",
            "jakarta.enterprise..",
            "jakarta.inject..",
            "jakarta.ws..",
            "org.eclipse.microprofile..")
        .because("domain rules are plain Java, testable without a container (DESIGN.md §5)");
  }

  private ArchRule domainKnowsNoOuterLayer() {
    return noClasses()
        .that()
        .resideInAPackage(pkg("domain.."))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            pkg("service.."), pkg("rest.."), pkg("repository.."), pkg("messaging.."))
        .because("the domain decides; the layers around it load, persist and emit");
  }

  private ArchRule restSkipsNoLayer() {
    return noClasses()
        .that()
        .resideInAPackage(pkg("rest.."))
        .should()
        .dependOnClassesThat()
        .resideInAPackage(pkg("repository.."))
        .because("resources are thin: persistence is reached through a use case in service/");
  }

  private ArchRule serviceKnowsNoRest() {
    return noClasses()
        .that()
        .resideInAPackage(pkg("service.."))
        .should()
        .dependOnClassesThat()
        .resideInAPackage(pkg("rest.."))
        .because("use cases do not depend on how they are called");
  }

  private ArchRule noOtherService() {
    String[] others = otherServices.stream().map(other -> other + "..").toArray(String[]::new);
    return noClasses()
        .that()
        .resideInAPackage(root + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(others)
        .because("services share only the kit and the contracts, never each other's code");
  }

  private String pkg(String layer) {
    return root + "." + layer;
  }
}
