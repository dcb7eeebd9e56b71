package cn.anshan.oversight.system.story;

/** One step of the user story; the JUnit tests and the guided demo run the same instances. */
public interface Step {

  /** "1", "2", … as in issue 8. */
  String number();

  String title();

  /**
   * Runs the step; throws {@link cn.anshan.oversight.system.StoryFailure} on an unexpected answer.
   */
  void run(StoryContext story);
}
