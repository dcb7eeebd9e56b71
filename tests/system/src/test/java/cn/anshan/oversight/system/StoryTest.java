package cn.anshan.oversight.system;

import cn.anshan.oversight.system.story.Step;
import cn.anshan.oversight.system.story.Story;
import cn.anshan.oversight.system.story.StoryContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 8 §1: the user story over HTTP against the whole local platform, with password-grant tokens
 * of the realm's demo users. The steps are the guided demo's ({@link Story#steps}); each is one
 * test, and a step after a failed one is skipped (it builds on the earlier ones).
 */
@ExtendWith(LocalPlatformFixture.class)
@Order(1)
class StoryTest {

  @TestFactory
  Stream<DynamicTest> theUserStory() {
    Api api = new Api(Endpoints.fromEnvironment(), new Narrator(System.out, true));
    StoryContext story = new StoryContext(api, Duration.ofSeconds(90));
    List<String> failed = new ArrayList<>();
    Path repo = Path.of(System.getProperty("oversight.repo", "../..")).toAbsolutePath().normalize();
    return Story.steps(repo, Path.of("target/audit-export")).stream()
        .map(
            (Step step) ->
                DynamicTest.dynamicTest(
                    "step " + step.number() + ": " + step.title(),
                    () -> {
                      Assumptions.assumeTrue(
                          failed.isEmpty(), () -> "an earlier step failed: " + failed);
                      api.narrator().step(step.number(), step.title());
                      try {
                        step.run(story);
                      } catch (RuntimeException | AssertionError e) {
                        failed.add(step.number());
                        throw e;
                      }
                    }));
  }
}
