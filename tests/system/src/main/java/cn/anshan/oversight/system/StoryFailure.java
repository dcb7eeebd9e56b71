package cn.anshan.oversight.system;

/** An answer the story did not expect: the test fails, the demo stops with the reason. */
public final class StoryFailure extends RuntimeException {
  public StoryFailure(String message) {
    super(message);
  }
}
