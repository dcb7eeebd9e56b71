package cn.anshan.oversight.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nesting check every service's ArchitectureTest runs, shown to find a third level. */
class LambdaNestingTest {
  @TempDir Path sources;

  @Test
  void twoLevelsPassAThirdIsNamedWithItsFileLineAndMethod() throws IOException {
    Files.writeString(
        sources.resolve("Steps.java"),
        """
        import java.util.List;
        import java.util.function.Function;

        class Steps {
          Function<List<Integer>, Integer> twoLevels =
              xs -> xs.stream().mapToInt(x -> x).sum();

          int threeLevels(List<List<Integer>> xss) {
            return xss.stream()
                .mapToInt(xs -> xs.stream().mapToInt(x -> List.of(x).stream().mapToInt(
                    y -> y).sum()).sum())
                .sum();
          }
        }
        """);
    assertEquals(
        List.of("Steps.java:11 in threeLevels: depth 3"), LambdaNesting.deeperThan(2, sources));
    AssertionError failure = assertThrows(AssertionError.class, () -> LambdaNesting.check(sources));
    assertTrue(failure.getMessage().contains("Steps.java:11 in threeLevels"), failure::getMessage);
    assertEquals(List.of(), LambdaNesting.deeperThan(3, sources));
  }

  @Test
  void anAnonymousClassInsideALambdaDoesNotStartOver() throws IOException {
    Files.writeString(
        sources.resolve("Hidden.java"),
        """
        import java.util.List;
        import java.util.function.Function;
        import java.util.function.Supplier;

        class Hidden {
          Supplier<Function<Integer, Supplier<Integer>>> hidden =
              () ->
                  new Function<Integer, Supplier<Integer>>() {
                    public Supplier<Integer> apply(Integer x) {
                      return () -> List.of(x).stream().mapToInt(y -> y).sum();
                    }
                  };
        }
        """);
    assertEquals(List.of("Hidden.java:10 in apply: depth 3"), LambdaNesting.deeperThan(2, sources));
  }

  @Test
  void anEmptySourceTreeIsAnErrorNotAPass() {
    assertThrows(IllegalStateException.class, () -> LambdaNesting.deeperThan(2, sources));
  }
}
